/**
 * Issue 9, item 5 (what the runtime holds): a number a column cannot hold (lane priority 2^31)
 * is a schema finding at publish; and a live version stored before today's checks (a wait of
 * P999999999Y) can take no run: manual start answers 409 saying why, not 500, and webhook
 * routing for the portal's other contracts goes on (the version is skipped and logged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, publishExamples, type Harness } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = { GET?: Handler; POST?: Handler };
let t: TestDatabase;
let h: Harness;
const routes: Record<string, Module> = {};

function call(name: string, method: 'GET' | 'POST', url: string, body?: unknown) {
  const request = new Request(`http://localhost${url}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return routes[name]![method]!(request, { params: Promise.resolve({}) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  h = createHarness(t);
  for (const [name, path] of [['contracts', 'contracts/route'], ['runs', 'runs/route']] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as Module;
  }
  await h.installed;
  await publishExamples(h.deps);
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

/** Stores a live version directly, as one published before the duration cap existed. */
async function storeLegacyVersion(key: string, definition: Record<string, unknown>) {
  const contract = await t.db.contract.create({ data: { portalId: PORTAL, key, name: key, objectType: 'contact', status: 'live', draft: definition as object } });
  const version = await t.db.contractVersion.create({ data: { contractId: contract.id, portalId: PORTAL, version: 1, definition: definition as object, contentHash: key } });
  await t.db.contract.update({ where: { id: contract.id }, data: { liveVersionId: version.id } });
}

describe('numbers and versions the runtime cannot hold', () => {
  it.each([2 ** 31, -(2 ** 31) - 1, 1_000_001])('lane priority %s is a schema finding at /entry/priority', async (priority) => {
    const contract = exampleContract('no-show-rebook') as { entry: Record<string, unknown> };
    contract.entry.priority = priority;
    const response = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract });
    expect(response.status).toBe(422);
    const body = (await response.json()) as { findings: { rule: string; path: string }[] };
    expect(body.findings).toContainEqual(expect.objectContaining({ rule: 'schema', path: '/entry/priority' }));
  });

  it.each([
    { key: 'legacy-wait', wait: 'P999999999Y' },
    { key: 'legacy-hours', wait: 'PT99999999999999H' },
  ])('a stored live version with wait $wait: manual start is a 409 naming the problem, and routing goes on', async ({ key, wait }) => {
    const base = exampleContract('no-show-rebook') as Record<string, unknown> & { steps: Record<string, unknown>[] };
    const legacy = { ...base, key, trigger: { event: 'manual' }, steps: [{ ...base.steps[0], wait, businessHours: wait.includes('H') }, ...base.steps.slice(1)] };
    await storeLegacyVersion(key, legacy);

    const response = await call('runs', 'POST', '/api/runs', { portalId: String(PORTAL), contractKey: key, objectType: 'contact', recordId: '777' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { reason: string }).reason).toMatch(/cannot run \(steps\.0\.wait /);
    expect(await t.db.run.count({ where: { contractKey: key } })).toBe(0);

    // The portal's other live contracts still route: a new lead starts new-lead-follow-up.
    const contact = 900 + key.length;
    await h.deliver([propertyChange(contact, 'email', `${key}@x.io`, Date.now() - 10), propertyChange(contact, 'lifecyclestage', 'lead')]);
    expect(await t.db.run.count({ where: { recordId: String(contact), contractKey: 'new-lead-follow-up' } })).toBe(1);
    expect((await call('contracts', 'GET', `/api/contracts?portalId=${PORTAL}`)).status).toBe(200);
  });
});
