/**
 * Issue 9 (found by the route fuzzing): HubSpot allows custom properties named `constructor`,
 * `toString` or `valueOf`; reading them from a plain property map used to return
 * Object.prototype's functions and crash the engine (500). Through the webhook route, the worker,
 * what-if and simulate, they are ordinary properties; a `__proto__` key in a body is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { signV3 } from '../../../lib/hubspot/signature';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, publishExamples, type Harness } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const APP_URL = 'https://waymark.test';
const SECRET = 'hostile-proto-secret-000000000000';
let t: TestDatabase;
let h: Harness;
const routes: Record<string, { POST: Handler }> = {};

function post(name: string, url: string, raw: string, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost${url}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: raw });
  return routes[name]!.POST(request, { params: Promise.resolve({}) });
}
function deliver(events: unknown[]) {
  const raw = JSON.stringify(events);
  const timestamp = String(Date.now());
  return post('webhooks', '/api/hubspot/webhooks', raw, { 'x-hubspot-request-timestamp': timestamp, 'x-hubspot-signature-v3': signV3(SECRET, 'POST', `${APP_URL}/api/hubspot/webhooks`, raw, timestamp) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: t.url, APP_URL, HUBSPOT_CLIENT_SECRET: SECRET });
  h = createHarness(t);
  for (const [name, path] of [['webhooks', 'hubspot/webhooks/route'], ['whatIf', 'contracts/what-if/route'], ['simulate', 'simulate/route']] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as { POST: Handler };
  }
  await h.installed;
  await publishExamples(h.deps);
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty'];
const filterOn = (name: string) => {
  const contract = exampleContract('no-show-rebook') as { entry: { filter: unknown } };
  contract.entry.filter = { all: [{ property: name, eq: 'x' }, { property: 'lifecyclestage', known: true }] };
  return contract;
};

describe('properties named like Object.prototype members', () => {
  it('webhook events for them are stored and processed into the record', async () => {
    const response = await deliver(NAMES.map((name, i) => propertyChange(701, name, `v${i}`)));
    expect(response.status).toBe(200);
    await h.drain();
    const state = await t.db.recordState.findFirstOrThrow({ where: { portalId: PORTAL, recordId: '701' } });
    expect(state.properties).toMatchObject(Object.fromEntries(NAMES.map((name, i) => [name, `v${i}`])));
    expect(await t.db.webhookEvent.count({ where: { portalId: PORTAL, processedAt: null } })).toBe(0);
  });

  it.each(NAMES)('what-if and simulate evaluate a filter on %s', async (name) => {
    const whatIf = await post('whatIf', '/api/contracts/what-if', JSON.stringify({ portalId: String(PORTAL), contract: filterOn(name) }));
    expect(whatIf.status).toBe(200);
    const events = [{ at: 'PT0S', kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' }];
    const simulated = await post('simulate', '/api/simulate', JSON.stringify({ contract: filterOn(name), record: { lifecyclestage: 'lead' }, events, start: '2026-11-30T15:00:00Z' }));
    expect(simulated.status).toBe(200);
    expect(((await simulated.json()) as { started: boolean }).started).toBe(false);
  });

  it('a __proto__ key in a JSON body is a 400 naming it', async () => {
    const response = await post('simulate', '/api/simulate', '{"contract":{},"record":{"__proto__":{"x":"1"}}}');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ issues: [{ path: 'record.__proto__' }] });
  });
});
