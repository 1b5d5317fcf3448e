/**
 * POST /api/hubspot/webhooks through the real route module (app/api/hubspot/webhooks/route.ts),
 * configured by environment like the running app: the signature matrix, duplicate deliveries,
 * unknown portals, ignored types and malformed bodies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { signV3 } from '../../../lib/hubspot/signature';
import { parseEnv } from '../../../lib/env';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from './seed-installation';

const APP_URL = 'https://waymark.test';
const SECRET = 'webhook-test-secret-current-0000';
const OLD_SECRET = 'webhook-test-secret-previous-000';
const PORTAL = 62515n;
const PATH = '/api/hubspot/webhooks';

type Handler = (request: Request, context: unknown) => Promise<Response>;

let t: TestDatabase;
let POST: Handler;

function event(eventId: number, extra: Record<string, unknown> = {}) {
  return {
    eventId, subscriptionId: 1, portalId: Number(PORTAL), appId: 1000001, occurredAt: 1_764_460_800_000 + eventId,
    subscriptionType: 'contact.propertyChange', attemptNumber: 0, objectId: 500 + eventId, propertyName: 'lifecyclestage',
    propertyValue: 'lead', changeSource: 'CRM_UI', ...extra,
  };
}

interface SendOptions {
  secret?: string;
  timestamp?: number;
  /** Signed URI (default APP_URL + path); the request itself goes to an internal host. */
  signedUri?: string;
  requestUrl?: string;
  sentBody?: string;
  signature?: string | null;
}

function signed(rawBody: string, options: SendOptions = {}): Request {
  const timestamp = String(options.timestamp ?? Date.now());
  const uri = options.signedUri ?? `${APP_URL}${PATH}`;
  const signature = options.signature === undefined ? signV3(options.secret ?? SECRET, 'POST', uri, rawBody, timestamp) : options.signature;
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-hubspot-request-timestamp': timestamp, host: '10.0.0.7:3000' };
  if (signature !== null) headers['x-hubspot-signature-v3'] = signature;
  return new Request(options.requestUrl ?? `http://10.0.0.7:3000${PATH}`, { method: 'POST', headers, body: options.sentBody ?? rawBody });
}

const send = (request: Request) => POST(request, undefined);
const storedCount = async () => t.db.webhookEvent.count();
const jobs = async () =>
  (
    await t.pool.query(
      `SELECT j.key, j.payload FROM graphile_worker._private_jobs j
         JOIN graphile_worker._private_tasks k ON k.id = j.task_id WHERE k.identifier = 'process-webhook-batch' ORDER BY j.id`,
    )
  ).rows as { key: string; payload: { portalId: string; eventRowIds: string[] } }[];

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  process.env.APP_URL = APP_URL;
  process.env.HUBSPOT_CLIENT_SECRET = SECRET;
  process.env.HUBSPOT_CLIENT_SECRET_PREVIOUS = OLD_SECRET;
  ({ POST } = (await import('../../../app/api/hubspot/webhooks/route')) as unknown as { POST: Handler });
  await seedInstallation(t.db, parseEnv({}).tokenKeys, PORTAL);
});

afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('webhook signature matrix (through the real route)', () => {
  const body = JSON.stringify([event(1)]);

  it.each([
    ['tampered body', () => signed(body, { sentBody: body.replace('lead', 'customer') })],
    ['tampered timestamp', () => {
      const r = signed(body, { timestamp: Date.now() - 1000 });
      const headers = new Headers(r.headers);
      headers.set('x-hubspot-request-timestamp', String(Date.now()));
      return new Request(r.url, { method: 'POST', headers, body });
    }],
    ['stale timestamp (6 minutes old)', () => signed(body, { timestamp: Date.now() - 6 * 60 * 1000 })],
    ['future timestamp (10 minutes ahead)', () => signed(body, { timestamp: Date.now() + 10 * 60 * 1000 })],
    ['re-serialised body', () => signed(JSON.stringify([event(1)], null, 2), { sentBody: JSON.stringify(JSON.parse(JSON.stringify([event(1)], null, 2))) })],
    ['wrong-length signature', () => signed(body, { signature: 'c2hvcnQ=' })],
    ['missing signature', () => signed(body, { signature: null })],
    ['unknown client secret', () => signed(body, { secret: 'someone-elses-secret-0000000000' })],
    ['signature over the Host-header URL instead of APP_URL', () => signed(body, { signedUri: `http://10.0.0.7:3000${PATH}` })],
  ])('%s → 401 and nothing stored', async (_name, build) => {
    const response = await send(build());
    expect(response.status).toBe(401);
    expect(await storedCount()).toBe(0);
    expect(await jobs()).toEqual([]);
  });

  it('a URL with encoded characters verifies against HubSpot\'s decoded form', async () => {
    const raw = JSON.stringify([event(2)]);
    const response = await send(
      signed(raw, {
        requestUrl: `http://10.0.0.7:3000${PATH}?src=hub%3Aspot%2Fx&note=a%20b`,
        signedUri: `${APP_URL}${PATH}?src=hub:spot/x&note=a%20b`,
      }),
    );
    expect(response.status).toBe(200);
    expect(await t.db.webhookEvent.count({ where: { eventId: 2n } })).toBe(1);
  });

  it('valid v3 with the current secret → 200, stored with its raw payload, one job', async () => {
    const response = await send(signed(JSON.stringify([event(3)])));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 1, stored: 1 });
    const row = await t.db.webhookEvent.findUniqueOrThrow({ where: { portalId_eventId: { portalId: PORTAL, eventId: 3n } } });
    expect(row.payload).toEqual(event(3));
    expect(row.objectId).toBe(503n);
    const job = (await jobs()).find((j) => j.payload.eventRowIds.includes(String(row.id)));
    expect(job?.payload.portalId).toBe(String(PORTAL));
  });

  it('valid v3 with the previous secret (rotation) → 200', async () => {
    const response = await send(signed(JSON.stringify([event(4)]), { secret: OLD_SECRET }));
    expect(response.status).toBe(200);
    expect(await t.db.webhookEvent.count({ where: { eventId: 4n } })).toBe(1);
  });
});

describe('duplicate deliveries', () => {
  it('the same batch twice at once and again hours later: stored once, every answer 2xx, one job', async () => {
    const raw = JSON.stringify([event(10), event(11), event(12)]);
    const jobsBefore = (await jobs()).length;
    const [a, b] = await Promise.all([send(signed(raw)), send(signed(raw))]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(await t.db.webhookEvent.count({ where: { eventId: { in: [10n, 11n, 12n] } } })).toBe(3);
    expect((await jobs()).length).toBe(jobsBefore + 1);

    // Hours later HubSpot retries (new attempt number, fresh signature); the first job has run.
    await t.pool.query(`DELETE FROM graphile_worker._private_jobs`);
    const retry = JSON.stringify([event(10, { attemptNumber: 3 }), event(11, { attemptNumber: 3 }), event(12, { attemptNumber: 3 })]);
    const late = await send(signed(retry));
    expect(late.status).toBe(200);
    expect(await late.json()).toMatchObject({ stored: 0, duplicates: 3 });
    expect(await t.db.webhookEvent.count({ where: { eventId: { in: [10n, 11n, 12n] } } })).toBe(3);
    expect(await jobs()).toEqual([]);
  });

  it('a partly new delivery enqueues a job for the new events only', async () => {
    await t.pool.query(`DELETE FROM graphile_worker._private_jobs`);
    const response = await send(signed(JSON.stringify([event(10), event(13)])));
    expect(await response.json()).toMatchObject({ stored: 1, duplicates: 1 });
    const row13 = await t.db.webhookEvent.findUniqueOrThrow({ where: { portalId_eventId: { portalId: PORTAL, eventId: 13n } } });
    expect((await jobs()).map((j) => j.payload.eventRowIds)).toEqual([[String(row13.id)]]);
  });
});

describe('events we do not keep', () => {
  it('unknown portals and ignored subscription types are acknowledged, not stored', async () => {
    const before = await storedCount();
    const raw = JSON.stringify([
      event(20, { portalId: 99999 }),
      event(21, { subscriptionType: 'conversation.newMessage' }),
      event(22, { subscriptionType: 'object.creation', objectTypeId: '0-7' }),
    ]);
    const response = await send(signed(raw));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 3, stored: 0, ignoredTypes: 2, unknownPortals: 1 });
    expect(await storedCount()).toBe(before);
  });

  it('an oversized body is refused (413) before anything is parsed or stored', async () => {
    const raw = JSON.stringify([event(2000, { padding: 'x'.repeat(1024 * 1024) })]);
    const response = await send(signed(raw));
    expect(response.status).toBe(413);
    expect(await t.db.webhookEvent.count({ where: { eventId: 2000n } })).toBe(0);
  });

  it.each([
    ['not JSON', '{oops', /not valid JSON/],
    ['not an array', '{"eventId":1}', /JSON array/],
    ['more than 100 events', JSON.stringify(Array.from({ length: 101 }, (_, i) => event(1000 + i))), /at most 100/],
  ])('a signed but malformed body (%s) → 400 with a message, nothing stored', async (_name, raw, message) => {
    const before = await storedCount();
    const response = await send(signed(raw));
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(message);
    expect(await storedCount()).toBe(before);
  });
});
