/**
 * The runtime's control API through the real route modules (sandbox mode, no embed token):
 * publishing (refused on lint errors, immutable versions, drain by default), pause, retire
 * through a declared exit, manual start, manual exit with a reason, retry of a failed action,
 * the what-if report, and the clock advance firing a due wake-up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { signEmbedToken } from '../../../lib/hubspot/embed-token';
import { parseEnv } from '../../../lib/env';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, type Harness } from './helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let t: TestDatabase;
let h: Harness;
const routes: Record<string, { GET?: Handler; POST?: Handler }> = {};

function call(name: string, method: 'GET' | 'POST', url: string, body?: unknown, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const handler = routes[name]![method]!;
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-waymark-actor': 'ada@example.com', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return handler(request, { params: Promise.resolve(params) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  h = createHarness(t);
  for (const [name, path] of [
    ['contracts', 'contracts/route'],
    ['status', 'contracts/[key]/status/route'],
    ['whatIf', 'contracts/what-if/route'],
    ['runs', 'runs/route'],
    ['exit', 'runs/[id]/exit/route'],
    ['retry', 'runs/[id]/retry/route'],
    ['clock', 'clock/route'],
    ['advance', 'clock/advance/route'],
  ] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as { GET?: Handler; POST?: Handler };
  }
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('runtime control API', () => {
  it('refuses to publish a contract with lint errors, and publishes the examples as immutable versions', async () => {
    const broken = { ...exampleContract('no-show-rebook'), exits: [] };
    const refused = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract: broken });
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as { findings: { rule: string; severity: string }[] };
    expect(body.findings.some((f) => f.severity === 'error')).toBe(true);

    for (const key of ['long-term-nurture', 'new-lead-follow-up', 'no-show-rebook'] as const) {
      const r = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract: exampleContract(key) });
      expect(r.status, key).toBe(201);
    }
    const again = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract: exampleContract('no-show-rebook') });
    expect(((await again.json()) as { unchanged: boolean }).unchanged).toBe(true);
    const list = (await (await call('contracts', 'GET', `/api/contracts?portalId=${PORTAL}`)).json()) as { contracts: { key: string; status: string; liveVersion: number }[] };
    expect(list.contracts.map((c) => [c.key, c.status, c.liveVersion])).toEqual([
      ['long-term-nurture', 'live', 1],
      ['new-lead-follow-up', 'live', 1],
      ['no-show-rebook', 'live', 1],
    ]);
  });

  it('runs stay on their version when a new one is published (drain)', async () => {
    await h.deliver([propertyChange(501, 'email', 'a@x.io', Date.now() - 10), propertyChange(501, 'lifecyclestage', 'lead')]);
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '501', contractKey: 'new-lead-follow-up' } });
    const changed = { ...exampleContract('new-lead-follow-up'), name: 'New inbound lead follow-up (v2)' };
    const r = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract: changed });
    expect(((await r.json()) as { version: number }).version).toBe(2);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).contractVersionId).toBe(run.contractVersionId);
  });

  it('a person exits a run through a chosen exit, and the decision names them', async () => {
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '501', contractKey: 'new-lead-follow-up' } });
    const bad = await call('exit', 'POST', `/api/runs/${run.id}/exit`, { exitId: 'nope', reason: 'x' }, { id: run.id });
    expect(bad.status).toBe(422);
    const ok = await call('exit', 'POST', `/api/runs/${run.id}/exit`, { exitId: 'exit-stalled', reason: 'spoke on the phone' }, { id: run.id });
    expect(ok.status).toBe(200);
    const ended = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(ended).toMatchObject({ status: 'exited', exitId: 'exit-stalled' });
    const row = await t.db.decisionLog.findFirstOrThrow({ where: { runId: run.id, kind: 'exit', outcome: { not: 'refused' } } });
    expect(row.actor).toBe('ada@example.com');
    expect(row.reason).toMatch(/spoke on the phone/);
  });

  it('retries a failed exit effect once asked, logged with the person', async () => {
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '501', contractKey: 'new-lead-follow-up' } });
    await h.drain();
    const effect = await t.db.actionAttempt.findFirstOrThrow({ where: { runId: run.id, kind: 'notify' } });
    await t.db.actionAttempt.update({ where: { id: effect.id }, data: { status: 'failed', error: 'owner missing' } });
    const r = await call('retry', 'POST', `/api/runs/${run.id}/retry`, { idempotencyKey: effect.idempotencyKey }, { id: run.id });
    expect(r.status).toBe(202);
    await h.drain();
    expect((await t.db.actionAttempt.findUniqueOrThrow({ where: { id: effect.id } })).status).toBe('succeeded');
    expect(await t.db.decisionLog.count({ where: { runId: run.id, outcome: 'retry-requested', actor: 'ada@example.com' } })).toBe(1);
  });

  it('pausing stops new enrollments; manual start of a non-manual contract is refused', async () => {
    expect((await call('status', 'POST', '/api/contracts/new-lead-follow-up/status', { portalId: String(PORTAL), action: 'pause' }, { key: 'new-lead-follow-up' })).status).toBe(200);
    await h.deliver([propertyChange(502, 'email', 'b@x.io', Date.now() - 10), propertyChange(502, 'lifecyclestage', 'lead')]);
    expect(await t.db.run.count({ where: { recordId: '502' } })).toBe(0);
    const manual = await call('runs', 'POST', '/api/runs', { portalId: String(PORTAL), contractKey: 'long-term-nurture', objectType: 'contact', recordId: '502' });
    expect(manual.status).toBe(409);
    expect(((await manual.json()) as { reason: string }).reason).toMatch(/handoff/);
  });

  it('retiring exits active runs through the declared exit', async () => {
    await call('status', 'POST', '/api/contracts/new-lead-follow-up/status', { portalId: String(PORTAL), action: 'resume' }, { key: 'new-lead-follow-up' });
    await h.deliver([propertyChange(503, 'email', 'c@x.io', Date.now() - 10), propertyChange(503, 'lifecyclestage', 'lead')]);
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '503', contractKey: 'new-lead-follow-up' } });
    const r = await call('status', 'POST', '/api/contracts/new-lead-follow-up/status', { portalId: String(PORTAL), action: 'retire', exitId: 'exit-stalled', reason: 'replaced' }, { key: 'new-lead-follow-up' });
    expect(((await r.json()) as { exitedRuns: number }).exitedRuns).toBe(1);
    expect(await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'exited', exitId: 'exit-stalled' });
    // Retired stays retired until published again (a conflict); an unknown contract is not found.
    const resume = await call('status', 'POST', '/api/contracts/new-lead-follow-up/status', { portalId: String(PORTAL), action: 'resume' }, { key: 'new-lead-follow-up' });
    expect(resume.status).toBe(409);
    expect(((await resume.json()) as { error: string }).error).toMatch(/retired/);
    const missing = await call('status', 'POST', '/api/contracts/nope/status', { portalId: String(PORTAL), action: 'pause' }, { key: 'nope' });
    expect(missing.status).toBe(404);
  });

  it('what-if reports who would enter and the lane collisions', async () => {
    const r = await call('whatIf', 'POST', '/api/contracts/what-if', { portalId: String(PORTAL), contract: exampleContract('no-show-rebook') });
    expect(r.status).toBe(200);
    const report = (await r.json()) as { total: number; wouldEnter: number };
    expect(report.total).toBeGreaterThanOrEqual(3);
    expect(report.wouldEnter).toBeGreaterThan(0);
  });

  it('an embed token for another record is refused', async () => {
    const token = signEmbedToken(parseEnv({}).authSecret, { portalId: String(PORTAL), userId: '7', objectType: 'contact', recordId: '999' }, Date.now());
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '503' } });
    const r = await call('exit', 'POST', `/api/runs/${run.id}/exit`, { exitId: 'exit-stalled', reason: 'x' }, { id: run.id }, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(403);
  });

  it('the clock advance fires a due wake-up', async () => {
    await h.deliver([propertyChange(504, 'lifecyclestage', 'lead', Date.now() - 10), propertyChange(504, 'last_meeting_outcome', 'NO_SHOW')]);
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '504', contractKey: 'no-show-rebook' } });
    expect(run.currentStepId).toBe('pause');
    const before = (await (await call('clock', 'GET', '/api/clock')).json()) as { offsetMs: number };
    const r = await call('advance', 'POST', '/api/clock/advance', { by: 'P1D' });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { offsetMs: number }).offsetMs).toBe(before.offsetMs + 86_400_000);
    expect((await call('advance', 'POST', '/api/clock/advance', { by: 'soon' })).status).toBe(400);
    await h.drain();
    expect((await t.db.run.findUniqueOrThrow({ where: { id: run.id } })).currentStepId).toBe('await-booking');
  });
});
