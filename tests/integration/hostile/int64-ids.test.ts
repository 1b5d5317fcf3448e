/**
 * Issue 9, item 4, through the real route modules (sandbox mode) and the card backend: a portal
 * or record id beyond int64 (9999999999999999999, 9223372036854775808, 20 digits, or not digits)
 * is a 400 naming the parameter on every route, never a 500 from the bigint column.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { signV3 } from '../../../lib/hubspot/signature';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = { GET?: Handler; POST?: Handler };
const APP_URL = 'https://waymark.test';
const SECRET = 'hostile-card-secret-0000000000000';
let t: TestDatabase;
const routes: Record<string, Module> = {};

function call(name: string, method: 'GET' | 'POST', url: string, body?: unknown, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return routes[name]![method]!(request, { params: Promise.resolve(params) });
}

function card(query: Record<string, string>) {
  const path = `/api/hubspot/card?${new URLSearchParams(query)}`;
  const timestamp = String(Date.now());
  const headers = { 'x-hubspot-signature-v3': signV3(SECRET, 'GET', `${APP_URL}${path}`, '', timestamp), 'x-hubspot-request-timestamp': timestamp };
  return call('card', 'GET', path, undefined, {}, headers);
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: t.url, APP_URL, HUBSPOT_CLIENT_SECRET: SECRET });
  await createHarness(t).installed;
  for (const [name, path] of [
    ['contracts', 'contracts/route'],
    ['status', 'contracts/[key]/status/route'],
    ['whatIf', 'contracts/what-if/route'],
    ['runs', 'runs/route'],
    ['roles', 'roles/route'],
    ['audits', 'audits/route'],
    ['suppressions', 'audits/suppressions/route'],
    ['card', 'hubspot/card/route'],
  ] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as Module;
  }
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

const BAD_IDS = ['9999999999999999999', '9223372036854775808', '12345678901234567890', '-1', '1e3', '0x10', '007'];
const ok = String(PORTAL);
const contract = exampleContract('long-term-nurture');
const cardQuery = (over: Record<string, string>) => ({ portalId: ok, userId: '7', objectTypeId: '0-1', objectId: '501', ...over });

const ROUTES: { name: string; field: string; send: (id: string) => Promise<Response> }[] = [
  { name: 'GET /api/contracts', field: 'portalId', send: (id) => call('contracts', 'GET', `/api/contracts?portalId=${id}`) },
  { name: 'POST /api/contracts', field: 'portalId', send: (id) => call('contracts', 'POST', '/api/contracts', { portalId: id, contract }) },
  { name: 'POST /api/contracts/[key]/status', field: 'portalId', send: (id) => call('status', 'POST', '/api/contracts/long-term-nurture/status', { action: 'pause', portalId: id }, { key: 'long-term-nurture' }) },
  { name: 'POST /api/contracts/what-if', field: 'portalId', send: (id) => call('whatIf', 'POST', '/api/contracts/what-if', { portalId: id, contract }) },
  { name: 'GET /api/runs (portalId)', field: 'portalId', send: (id) => call('runs', 'GET', `/api/runs?portalId=${id}&objectType=contact&recordId=501`) },
  { name: 'GET /api/runs (recordId)', field: 'recordId', send: (id) => call('runs', 'GET', `/api/runs?portalId=${ok}&objectType=contact&recordId=${id}`) },
  { name: 'POST /api/runs (portalId)', field: 'portalId', send: (id) => call('runs', 'POST', '/api/runs', { portalId: id, contractKey: 'long-term-nurture', objectType: 'contact', recordId: '501' }) },
  { name: 'POST /api/runs (recordId)', field: 'recordId', send: (id) => call('runs', 'POST', '/api/runs', { portalId: ok, contractKey: 'long-term-nurture', objectType: 'contact', recordId: id }) },
  { name: 'GET /api/roles', field: 'portalId', send: (id) => call('roles', 'GET', `/api/roles?portalId=${id}`) },
  { name: 'POST /api/roles (userId)', field: 'userId', send: (id) => call('roles', 'POST', '/api/roles', { portalId: ok, userId: id, role: 'viewer' }) },
  { name: 'GET /api/audits', field: 'portalId', send: (id) => call('audits', 'GET', `/api/audits?portalId=${id}`) },
  { name: 'GET /api/audits/suppressions', field: 'portalId', send: (id) => call('suppressions', 'GET', `/api/audits/suppressions?portalId=${id}`) },
  { name: 'card backend (portalId)', field: 'portalId', send: (id) => card(cardQuery({ portalId: id })) },
  { name: 'card backend (objectId)', field: 'objectId', send: (id) => card(cardQuery({ objectId: id })) },
  { name: 'card backend (userId)', field: 'userId', send: (id) => card(cardQuery({ userId: id })) },
];

/** The field named by a 400 body: a zod issue path, or the message's subject. */
function namesField(body: { error?: string; issues?: { path: string }[] }, field: string): boolean {
  return (body.issues ?? []).some((i) => i.path === field) || new RegExp(`(^|: )${field} `).test(body.error ?? '');
}

describe('ids beyond int64', () => {
  it.each(ROUTES.flatMap((r) => BAD_IDS.map((id) => ({ ...r, id }))))('$name with $field=$id → 400 naming it', async ({ send, id, field }) => {
    const response = await send(id);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error?: string; issues?: { path: string }[] };
    expect(namesField(body, field), JSON.stringify(body)).toBe(true);
  });

  it('the largest int64 id is accepted (an empty answer, not an error)', async () => {
    const response = await call('runs', 'GET', `/api/runs?portalId=${ok}&objectType=contact&recordId=9223372036854775807`);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { runs: unknown[] }).runs).toEqual([]);
    expect((await card(cardQuery({ objectId: '9223372036854775807' }))).status).toBe(200);
  });
});
