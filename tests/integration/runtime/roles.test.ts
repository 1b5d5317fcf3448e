/**
 * Waymark roles through the real route modules: every mutating route the pages call refuses a
 * viewer, a user without a role, a token for another portal and (record routes) a token for
 * another record, naming the role needed; an editor may act; only an admin grants roles; the
 * installing user becomes the first admin, and the last admin cannot be removed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { parseEnv } from '../../../lib/env';
import { signEmbedToken } from '../../../lib/hubspot/embed-token';
import { grantInstallerAdmin } from '../../../lib/runtime/roles/grant-installer-admin';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, publishExamples, type Harness } from './helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
let t: TestDatabase;
let h: Harness;
let runId: string;
let failedKey: string;
const routes: Record<string, { GET?: Handler; POST?: Handler }> = {};
const RECORD = '601';

function token(userId: string, portalId = String(PORTAL), recordId = RECORD) {
  return signEmbedToken(parseEnv({}).authSecret, { portalId, userId, objectType: 'contact', recordId }, Date.now());
}

function call(name: string, method: 'GET' | 'POST', url: string, body: unknown, params: Record<string, string>, bearer: string) {
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: `Bearer ${bearer}` },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return routes[name]![method]!(request, { params: Promise.resolve(params) });
}

/** Every mutating route the embedded pages call, with a valid body. */
function mutations(): { name: string; url: string; body: Record<string, unknown>; params: Record<string, string>; record: boolean }[] {
  return [
    { name: 'contracts', url: '/api/contracts', body: { contract: exampleContract('no-show-rebook') }, params: {}, record: false },
    { name: 'status', url: '/api/contracts/no-show-rebook/status', body: { action: 'pause' }, params: { key: 'no-show-rebook' }, record: false },
    { name: 'runs', url: '/api/runs', body: { contractKey: 'long-term-nurture', objectType: 'contact', recordId: RECORD }, params: {}, record: true },
    { name: 'exit', url: `/api/runs/${runId}/exit`, body: { exitId: 'exit-stalled', reason: 'spoke on the phone' }, params: { id: runId }, record: true },
    { name: 'retry', url: `/api/runs/${runId}/retry`, body: { idempotencyKey: failedKey }, params: { id: runId }, record: true },
    { name: 'roles', url: '/api/roles', body: { userId: '12', role: 'editor' }, params: {}, record: false },
  ];
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  h = createHarness(t);
  for (const [name, path] of [
    ['contracts', 'contracts/route'],
    ['status', 'contracts/[key]/status/route'],
    ['runs', 'runs/route'],
    ['exit', 'runs/[id]/exit/route'],
    ['retry', 'runs/[id]/retry/route'],
    ['roles', 'roles/route'],
  ] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as { GET?: Handler; POST?: Handler };
  }
  await h.installed;
  await publishExamples(h.deps);
  await h.deliver([propertyChange(Number(RECORD), 'email', 'r@x.io', Date.now() - 10), propertyChange(Number(RECORD), 'lifecyclestage', 'lead')]);
  const run = await t.db.run.findFirstOrThrow({ where: { recordId: RECORD, contractKey: 'new-lead-follow-up' } });
  runId = run.id;
  const attempt = await t.db.actionAttempt.findFirstOrThrow({ where: { runId } });
  await t.db.actionAttempt.update({ where: { id: attempt.id }, data: { status: 'failed', error: 'owner missing' } });
  failedKey = attempt.idempotencyKey;
  await grantInstallerAdmin(t.db, { portalId: PORTAL, userId: 1n }, new Date());
  await t.db.userRole.createMany({ data: [{ portalId: PORTAL, userId: '10', role: 'viewer', grantedBy: 'test' }, { portalId: PORTAL, userId: '11', role: 'editor', grantedBy: 'test' }] });
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('Waymark roles', () => {
  it('the installing user is the first admin; a later install by someone else adds no admin', async () => {
    expect(await t.db.userRole.findUnique({ where: { portalId_userId: { portalId: PORTAL, userId: '1' } } })).toMatchObject({ role: 'admin', grantedBy: 'installation' });
    await grantInstallerAdmin(t.db, { portalId: PORTAL, userId: 2n }, new Date());
    expect(await t.db.userRole.count({ where: { portalId: PORTAL, role: 'admin' } })).toBe(1);
  });

  it('every mutating route refuses a viewer and a user without a role, and says which role it needs', async () => {
    for (const m of mutations()) {
      for (const user of ['10', '12']) {
        const r = await call(m.name, 'POST', m.url, m.body, m.params, token(user));
        expect(r.status, `${m.name} as ${user}`).toBe(403);
        const needed = m.name === 'roles' ? 'admin' : 'editor';
        expect(((await r.json()) as { error: string }).error, m.name).toMatch(new RegExp(`needs the Waymark ${needed} role`));
      }
    }
    expect(await t.db.run.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: 'active' });
    expect((await t.db.contract.findFirstOrThrow({ where: { key: 'no-show-rebook' } })).status).toBe('live');
  });

  it('every mutating route refuses a token for another portal, and record routes a token for another record', async () => {
    for (const m of mutations()) {
      const foreign = await call(m.name, 'POST', m.url, { ...m.body, portalId: String(PORTAL) }, m.params, token('11', '999'));
      expect(foreign.status, `${m.name} other portal`).toBe(403);
      expect(((await foreign.json()) as { error: string }).error).toMatch(/another HubSpot account/);
      if (!m.record) continue;
      const elsewhere = await call(m.name, 'POST', m.url, m.body, m.params, token('11', String(PORTAL), '999'));
      expect(elsewhere.status, `${m.name} other record`).toBe(403);
      expect(((await elsewhere.json()) as { error: string }).error).toMatch(/another record/);
    }
  });

  it('an editor may retry and exit; the decision names the HubSpot user', async () => {
    const retry = await call('retry', 'POST', `/api/runs/${runId}/retry`, { idempotencyKey: failedKey }, { id: runId }, token('11'));
    expect(retry.status).toBe(202);
    const exit = await call('exit', 'POST', `/api/runs/${runId}/exit`, { exitId: 'exit-stalled', reason: 'spoke on the phone' }, { id: runId }, token('11'));
    expect(exit.status).toBe(200);
    expect(await t.db.decisionLog.count({ where: { runId, actor: 'hubspot-user:11', kind: 'exit' } })).toBeGreaterThan(0);
  });

  it('reading stays open to any portal user; only an admin grants roles; the last admin stays', async () => {
    const list = await call('roles', 'GET', '/api/roles', undefined, {}, token('12'));
    expect(list.status).toBe(200);
    expect(((await list.json()) as { you: { role: string | null } }).you.role).toBeNull();
    const runs = await call('runs', 'GET', `/api/runs?objectType=contact&recordId=${RECORD}`, undefined, {}, token('10'));
    expect(runs.status).toBe(200);

    const grant = await call('roles', 'POST', '/api/roles', { userId: '12', role: 'editor' }, {}, token('1'));
    expect(grant.status).toBe(200);
    expect(await t.db.userRole.findUnique({ where: { portalId_userId: { portalId: PORTAL, userId: '12' } } })).toMatchObject({ role: 'editor', grantedBy: 'hubspot-user:1' });
    const demoteSelf = await call('roles', 'POST', '/api/roles', { userId: '1', role: 'viewer' }, {}, token('1'));
    expect(demoteSelf.status).toBe(409);
    expect(((await demoteSelf.json()) as { error: string }).error).toMatch(/only Waymark admin/);
    const revoke = await call('roles', 'POST', '/api/roles', { userId: '12', role: null }, {}, token('1'));
    expect(revoke.status).toBe(200);
    expect(await t.db.userRole.count({ where: { portalId: PORTAL, userId: '12' } })).toBe(0);
    const bad = await call('roles', 'POST', '/api/roles', { userId: 'ada', role: 'owner' }, {}, token('1'));
    expect(bad.status).toBe(400);
  });
});
