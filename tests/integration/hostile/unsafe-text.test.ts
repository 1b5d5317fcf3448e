/**
 * Issue 9, item 3, through the real route modules (sandbox mode): text PostgreSQL cannot store
 * (NUL, a lone surrogate) in any body field or key, query parameter or path parameter is a 400
 * naming the field (route()/readJson, lib/http/route.ts), and a contract whose YAML escapes one
 * in is a `schema` finding at its pointer; nothing is written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, publishExamples, type Harness } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = { GET?: Handler; POST?: Handler };
let t: TestDatabase;
let h: Harness;
let runId = '';
const routes: Record<string, Module> = {};

function call(name: string, method: 'GET' | 'POST', url: string, body?: unknown, params: Record<string, string> = {}): Promise<Response> {
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json', 'x-waymark-actor': 'ada@example.com' },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  return routes[name]![method]!(request, { params: Promise.resolve(params) });
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
    ['simulate', 'simulate/route'],
    ['suppressions', 'audits/suppressions/route'],
    ['callback', 'hubspot/oauth/callback/route'],
    ['card', 'hubspot/card/route'],
  ] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as Module;
  }
  await h.installed;
  await publishExamples(h.deps);
  await h.deliver([propertyChange(501, 'email', 'a@x.io', Date.now() - 10), propertyChange(501, 'lifecyclestage', 'lead')]);
  runId = (await t.db.run.findFirstOrThrow({ where: { recordId: '501' } })).id;
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

const NUL = 'a\u0000b';
const LONE = 'a\ud800b';
const portalId = String(PORTAL);
const contract = (patch: Record<string, unknown>) => ({ ...exampleContract('no-show-rebook'), ...patch });

const CASES: { name: string; send: () => Promise<Response>; field: string }[] = [
  { name: 'contract name (NUL)', send: () => call('contracts', 'POST', '/api/contracts', { portalId, contract: contract({ name: NUL }) }), field: 'contract.name' },
  { name: 'contract name (lone surrogate)', send: () => call('contracts', 'POST', '/api/contracts', { portalId, contract: contract({ name: LONE }) }), field: 'contract.name' },
  { name: 'contract docs', send: () => call('contracts', 'POST', '/api/contracts', { portalId, contract: contract({ docs: { purpose: LONE } }) }), field: 'contract.docs.purpose' },
  { name: 'an extra contract field', send: () => call('contracts', 'POST', '/api/contracts', { portalId, contract: contract({ 'x-notes': [NUL] }) }), field: 'contract.x-notes.0' },
  { name: 'a key of an extra field', send: () => call('contracts', 'POST', '/api/contracts', { portalId, contract: contract({ meta: { [NUL]: 1 } }) }), field: `contract.meta.${NUL}` },
  { name: 'versionPolicy', send: () => call('contracts', 'POST', '/api/contracts', { portalId, contract: contract({}), versionPolicy: LONE }), field: 'versionPolicy' },
  { name: 'what-if contract', send: () => call('whatIf', 'POST', '/api/contracts/what-if', { portalId, contract: contract({ name: NUL }) }), field: 'contract.name' },
  { name: 'contract key in the URL', send: () => call('status', 'POST', '/api/contracts/x/status', { action: 'pause', portalId }, { key: `no-show${'\u0000'}` }), field: 'key' },
  { name: 'retire exitId', send: () => call('status', 'POST', '/api/contracts/no-show-rebook/status', { action: 'retire', portalId, exitId: NUL, reason: 'done' }, { key: 'no-show-rebook' }), field: 'exitId' },
  { name: 'retire reason', send: () => call('status', 'POST', '/api/contracts/no-show-rebook/status', { action: 'retire', portalId, exitId: 'exit-silent', reason: LONE }, { key: 'no-show-rebook' }), field: 'reason' },
  { name: 'manual start contractKey', send: () => call('runs', 'POST', '/api/runs', { portalId, contractKey: NUL, objectType: 'contact', recordId: '501' }), field: 'contractKey' },
  { name: 'manual exit exitId', send: () => call('exit', 'POST', `/api/runs/${runId}/exit`, { exitId: NUL, reason: 'because' }, { id: runId }), field: 'exitId' },
  { name: 'manual exit reason', send: () => call('exit', 'POST', `/api/runs/${runId}/exit`, { exitId: 'exit-silent', reason: LONE }, { id: runId }), field: 'reason' },
  { name: 'retry idempotency key', send: () => call('retry', 'POST', `/api/runs/${runId}/retry`, { idempotencyKey: NUL }, { id: runId }), field: 'idempotencyKey' },
  { name: 'run id in the URL', send: () => call('exit', 'POST', '/api/runs/x/exit', { exitId: 'a', reason: 'b' }, { id: NUL }), field: 'id' },
  { name: 'simulate record value', send: () => call('simulate', 'POST', '/api/simulate', { contract: contract({}), record: { firstname: NUL } }), field: 'record.firstname' },
  { name: 'suppression reason', send: () => call('suppressions', 'POST', `/api/audits/suppressions?portalId=${portalId}`, { rule: 'native-untriggered', subject: { kind: 'workflow', id: '1' }, reason: NUL }), field: 'reason' },
  { name: 'a query parameter', send: () => call('contracts', 'GET', `/api/contracts?portalId=${portalId}&filter=a%00b`), field: 'filter' },
  { name: 'OAuth state', send: () => call('callback', 'GET', '/api/hubspot/oauth/callback?code=c&state=st%00ate'), field: 'state' },
  { name: 'card userEmail', send: () => call('card', 'GET', `/api/hubspot/card?portalId=${portalId}&userId=1&userEmail=a%00@x.io&objectTypeId=0-1&objectId=501`), field: 'userEmail' },
];

describe('text PostgreSQL cannot store', () => {
  it.each(CASES)('$name → 400 naming $field', async ({ send, field }) => {
    const versions = await t.db.contractVersion.count();
    const response = await send();
    expect(response.status).toBe(400);
    const body = (await response.json()) as { issues?: { path: string; message: string }[] };
    expect(body.issues?.[0]).toMatchObject({ path: field, message: expect.stringMatching(/NUL|surrogate/) });
    expect(await t.db.contractVersion.count()).toBe(versions);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: runId } })).status).toBe('active');
  });

  it('a YAML contract escaping a NUL into its name is a schema finding at /name (422, not stored)', async () => {
    const yaml = JSON.stringify(contract({ name: 'placeholder' })).replace('"placeholder"', '"rebook\\u0000"');
    const response = await call('contracts', 'POST', '/api/contracts', { portalId, contract: yaml });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { findings: { rule: string; path: string; message: string }[] };
    expect(body.findings).toContainEqual(expect.objectContaining({ rule: 'schema', path: '/name', message: expect.stringMatching(/NUL/) }));
  });
});
