/**
 * GET /api/hubspot/card through the real route module: v3-signed like HubSpot's `hubspot.fetch`,
 * answering the agreed JSON shape from the state store, with iframe links whose tokens are bound
 * to portal, user and record.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { parseEnv } from '../../../lib/env';
import { parseCardPayload } from '../../../hubspot/src/app/cards/waymark-card-payload';
import { verifyEmbedToken } from '../../../lib/hubspot/embed-token';
import { signV3 } from '../../../lib/hubspot/signature';
import { seedContract } from '../../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from './seed-installation';

const APP_URL = 'https://waymark.test';
const SECRET = 'card-test-secret-current-000000';
const AUTH_SECRET = 'card-test-auth-secret-0000000000000000';
const PORTAL = 62515n;

type Handler = (request: Request, context: unknown) => Promise<Response>;
let t: TestDatabase;
let GET: Handler;

function cardRequest(query: Record<string, string>, options: { secret?: string; timestamp?: number } = {}): Request {
  const path = `/api/hubspot/card?${new URLSearchParams(query)}`;
  const timestamp = String(options.timestamp ?? Date.now());
  const signature = signV3(options.secret ?? SECRET, 'GET', `${APP_URL}${path}`, '', timestamp);
  return new Request(`http://127.0.0.1:3000${path}`, {
    headers: { 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
  });
}

const query = (objectId: string, extra: Record<string, string> = {}) => ({
  portalId: String(PORTAL), userId: '864745280', userEmail: 'maya@northwind.example', objectTypeId: '0-1', objectId, ...extra,
});

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.APP_URL = APP_URL;
  process.env.HUBSPOT_CLIENT_SECRET = SECRET;
  process.env.AUTH_SECRET = AUTH_SECRET;
  ({ GET } = (await import('../../../app/api/hubspot/card/route')) as unknown as { GET: Handler });
  await seedInstallation(t.db, parseEnv({}).tokenKeys, PORTAL);
  const { contract, version } = await seedContract(t.db, 'no-show-rebook', PORTAL);
  await t.db.contract.update({ where: { id: contract.id }, data: { name: 'No-show rebook' } });
  const run = await t.db.run.create({
    data: {
      portalId: PORTAL, contractId: contract.id, contractVersionId: version.id, contractKey: 'no-show-rebook', objectType: 'contact',
      recordId: '123', currentStepId: 'await-booking', startedAt: new Date('2026-11-29T10:00:00Z'), dueAt: new Date('2026-12-02T10:00:00Z'),
    },
  });
  await t.db.laneHolding.create({ data: { portalId: PORTAL, lane: 'sales-touch', objectType: 'contact', recordId: '123', runId: run.id, acquiredAt: new Date() } });
  await t.db.decisionLog.createMany({
    data: [
      { portalId: PORTAL, runId: run.id, contractKey: 'no-show-rebook', objectType: 'contact', recordId: '123', kind: 'enroll', outcome: 'enrolled', reason: 'old', at: new Date('2026-11-29T10:00:00Z') },
      { portalId: PORTAL, runId: run.id, contractKey: 'no-show-rebook', objectType: 'contact', recordId: '123', kind: 'step', outcome: 'waiting', reason: 'Waiting for a booking', at: new Date('2026-11-29T11:00:00Z') },
    ],
  });
});

afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('card backend', () => {
  it('answers the agreed shape for a record with an active run', async () => {
    const response = await GET(cardRequest(query('123')), undefined);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown> & { links: Record<string, string> };
    expect(body).toMatchObject({
      record: { objectType: 'contact', objectId: '123' },
      activeRuns: [{ contractKey: 'no-show-rebook', contractName: 'No-show rebook', stepId: 'await-booking', startedAt: '2026-11-29T10:00:00.000Z', dueAt: '2026-12-02T10:00:00.000Z' }],
      lastDecision: { at: '2026-11-29T11:00:00.000Z', kind: 'step', outcome: 'waiting', reason: 'Waiting for a booking', contractKey: 'no-show-rebook' },
      lanes: [{ lane: 'sales-touch', contractKey: 'no-show-rebook' }],
      warnings: [],
    });
    // The card's own parser (hubspot/src/app/cards) accepts exactly what we send.
    expect(parseCardPayload(body)).toEqual(body);
    for (const [name, page] of [['recordPanel', 'record'], ['editor', 'editor'], ['audit', 'audit']] as const) {
      const link = new URL(body.links[name] as string);
      expect(`${link.origin}${link.pathname}`).toBe(`${APP_URL}/embed/${page}`);
      const verdict = verifyEmbedToken(AUTH_SECRET, link.searchParams.get('token'), Date.now());
      expect(verdict).toMatchObject({ ok: true, claims: { portalId: '62515', userId: '864745280', objectType: 'contact', recordId: '123' } });
    }
  });

  it('a record with nothing going on gets empty lists and no decision', async () => {
    const body = await (await GET(cardRequest(query('456', { objectTypeId: '0-3' })), undefined)).json();
    expect(body).toMatchObject({ record: { objectType: 'deal', objectId: '456' }, activeRuns: [], lastDecision: null, lanes: [] });
    expect(body.warnings).toEqual([{ code: 'no-live-contracts', message: expect.stringContaining('deal') }]);
  });

  it('warns when the portal has no active installation', async () => {
    const body = await (await GET(cardRequest(query('1', { portalId: '777' })), undefined)).json();
    expect(body.warnings.map((w: { code: string }) => w.code)).toEqual(['not-installed']);
  });

  it('rejects a bad signature (401) and a bad query (400)', async () => {
    expect((await GET(cardRequest(query('123'), { secret: 'not-our-secret-0000000000' }), undefined)).status).toBe(401);
    expect((await GET(cardRequest(query('123'), { timestamp: Date.now() - 10 * 60 * 1000 }), undefined)).status).toBe(401);
    const unsigned = new Request(`http://127.0.0.1:3000/api/hubspot/card?${new URLSearchParams(query('123'))}`);
    expect((await GET(unsigned, undefined)).status).toBe(401);
    const bad = await GET(cardRequest(query('123', { objectTypeId: '0-7' })), undefined);
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toMatch(/objectTypeId/);
    expect((await GET(cardRequest(query('abc')), undefined)).status).toBe(400);
  });
});
