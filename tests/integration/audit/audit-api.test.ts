// The audit API through the real route modules: start (202, a second start joins the open
// audit), poll one audit, the portal's latest, scope and input errors as 4xx naming the field,
// and suppressions (add twice = one row, list, remove) recording who set them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { parseEnv } from '../../../lib/env';
import { signEmbedToken } from '../../../lib/hubspot/embed-token';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = { GET?: Handler; POST?: Handler; DELETE?: Handler };
let t: TestDatabase;
const routes: Record<string, Module> = {};
const PORTAL = '62515';
const token = (portalId = PORTAL) => signEmbedToken(parseEnv({}).authSecret, { portalId, userId: '42', objectType: 'contact', recordId: '1' }, Date.now());

function call(name: string, method: 'GET' | 'POST' | 'DELETE', url: string, options: { body?: unknown; params?: Record<string, string>; auth?: string } = {}) {
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.auth ? { authorization: `Bearer ${options.auth}` } : { 'x-waymark-actor': 'ops@example.com' }) },
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return routes[name]![method]!(request, { params: Promise.resolve(options.params ?? {}) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  for (const [name, path] of [['audits', 'audits/route'], ['audit', 'audits/[id]/route'], ['suppressions', 'audits/suppressions/route'], ['suppression', 'audits/suppressions/[id]/route']] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as Module;
  }
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('audits', () => {
  let auditId = '';
  it('starts an audit (202) and a second start joins it; the job is queued once', async () => {
    const first = await call('audits', 'POST', `/api/audits?portalId=${PORTAL}`, { auth: token() });
    expect(first.status).toBe(202);
    ({ auditId } = (await first.json()) as { auditId: string });
    const second = await call('audits', 'POST', '/api/audits', { body: { portalId: PORTAL } });
    expect(await second.json()).toEqual({ auditId, created: false });
    const jobs = await t.pool.query(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'run-audit'`);
    expect(jobs.rows[0].n).toBe(1);
  });

  it('polls one audit and lists the latest; the requester is the token\'s user', async () => {
    const one = await call('audit', 'GET', `/api/audits/${auditId}?portalId=${PORTAL}`, { params: { id: auditId }, auth: token() });
    expect(one.status).toBe(200);
    expect(await one.json()).toMatchObject({ id: auditId, status: 'queued', requestedBy: 'hubspot-user:42', progress: { total: 0, read: 0, checked: 0 }, report: null });
    const latest = (await (await call('audits', 'GET', `/api/audits?portalId=${PORTAL}`)).json()) as { latest: { id: string }; lastFinished: unknown; history: unknown[] };
    expect(latest.latest.id).toBe(auditId);
    expect(latest.lastFinished).toBeNull();
    expect(latest.history).toHaveLength(1);
  });

  it('answers 400 for a bad id, 404 for an unknown one, 403 for another portal\'s token, 401 for a bad token', async () => {
    expect((await call('audit', 'GET', `/api/audits/nope?portalId=${PORTAL}`, { params: { id: 'nope' } })).status).toBe(400);
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await call('audit', 'GET', `/api/audits/${unknown}?portalId=${PORTAL}`, { params: { id: unknown } })).status).toBe(404);
    expect((await call('audit', 'GET', `/api/audits/${auditId}?portalId=${PORTAL}`, { params: { id: auditId }, auth: token('62516') })).status).toBe(403);
    expect((await call('audits', 'POST', `/api/audits?portalId=${PORTAL}`, { auth: 'forged.token' })).status).toBe(401);
  });
});

describe('suppressions', () => {
  it('adds (twice = one row with the newer reason), lists and removes a suppression', async () => {
    const body = { rule: 'native-no-description', subject: { kind: 'workflow', id: '585051947' }, reason: 'Legacy, being retired' };
    const added = await call('suppressions', 'POST', `/api/audits/suppressions?portalId=${PORTAL}`, { body, auth: token() });
    expect(added.status).toBe(201);
    const again = (await (await call('suppressions', 'POST', `/api/audits/suppressions?portalId=${PORTAL}`, { body: { ...body, reason: 'Owned by RevOps' } })).json()) as { id: string };
    const list = (await (await call('suppressions', 'GET', `/api/audits/suppressions?portalId=${PORTAL}`, { auth: token() })).json()) as { suppressions: unknown[] };
    expect(list.suppressions).toEqual([expect.objectContaining({ id: again.id, reason: 'Owned by RevOps', createdBy: 'ops@example.com', subject: { kind: 'workflow', id: '585051947' } })]);
    expect((await call('suppression', 'DELETE', `/api/audits/suppressions/${again.id}?portalId=${PORTAL}`, { params: { id: again.id } })).status).toBe(204);
    expect((await call('suppression', 'DELETE', `/api/audits/suppressions/${again.id}?portalId=${PORTAL}`, { params: { id: again.id } })).status).toBe(404);
  });

  it('refuses a suppression without a reason, naming the field', async () => {
    const response = await call('suppressions', 'POST', `/api/audits/suppressions?portalId=${PORTAL}`, { body: { rule: 'native-no-description', subject: { kind: 'workflow', id: '1' }, reason: '' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ issues: [{ path: 'reason' }] });
  });
});
