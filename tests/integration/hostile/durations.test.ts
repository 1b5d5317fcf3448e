/**
 * Issue 9, items 1 and 5, through the real route modules (sandbox mode): a duration no date can
 * hold is a `schema` finding naming its field at publish, a 400 at simulate and clock advance,
 * and the simulate attack (`PT99999999999999H` in business hours) neither stalls the process nor
 * keeps /api/health from answering.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { exampleContract, PORTAL } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = { GET?: Handler; POST?: Handler };
let t: TestDatabase;
const routes: Record<string, Module> = {};

function call(name: string, method: 'GET' | 'POST', url: string, body?: unknown): Promise<Response> {
  const request = new Request(`http://localhost${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return routes[name]![method]!(request, { params: Promise.resolve({}) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  for (const [name, path] of [
    ['contracts', 'contracts/route'],
    ['simulate', 'simulate/route'],
    ['advance', 'clock/advance/route'],
    ['health', 'health/route'],
  ] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as Module;
  }
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

type Edit = (c: Record<string, any>) => void; // eslint-disable-line @typescript-eslint/no-explicit-any
const HUGE = ['P999999999Y', 'PT99999999999999H', `P${'9'.repeat(400)}D`, 'P101Y', 'PT9999999999999999999.5S'];
const FIELDS: { field: string; pointer: string; set: (value: string) => Edit }[] = [
  { field: 'wait', pointer: '/steps/0/wait', set: (v) => (c) => (c.steps[0].wait = v) },
  { field: 'wait in business hours', pointer: '/steps/0/wait', set: (v) => (c) => Object.assign(c.steps[0], { wait: v, businessHours: true }) },
  { field: 'waitFor timeout', pointer: '/steps/2/timeout', set: (v) => (c) => (c.steps[2].timeout = v) },
  { field: 'limits.maxDuration', pointer: '/limits/maxDuration', set: (v) => (c) => (c.limits = { maxDuration: v }) },
  { field: 'reenroll.after', pointer: '/entry/reenroll/after', set: (v) => (c) => (c.entry.reenroll = { after: v }) },
  { field: 'condition within', pointer: '/entry/filter/all/2/not/within', set: (v) => (c) => (c.entry.filter.all[2].not.within = v) },
  { field: 'create_task due', pointer: '/exits/1/effects/0/with/due', set: (v) => (c) => (c.exits[1].effects[0].with.due = v) },
];

function contractWith(edit: Edit): Record<string, unknown> {
  const contract = structuredClone(exampleContract('no-show-rebook')) as Record<string, unknown>;
  edit(contract);
  return contract;
}

describe('durations no date can hold', () => {
  it.each(FIELDS.flatMap(({ field, pointer, set }) => HUGE.map((value) => ({ field, pointer, value, edit: set(value) }))))(
    'publish refuses $field = $value with a schema finding at $pointer',
    async ({ pointer, edit }) => {
      const response = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract: contractWith(edit) });
      expect(response.status).toBe(422);
      const body = (await response.json()) as { findings: { rule: string; path: string; message: string }[] };
      expect(body.findings).toContainEqual(expect.objectContaining({ rule: 'schema', path: pointer, message: expect.stringMatching(/100 years|ISO-8601/) }));
      expect(await t.db.contractVersion.count()).toBe(0);
    },
  );

  it('publishes the longest allowed duration (P100Y)', async () => {
    const nurture = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract: exampleContract('long-term-nurture') });
    expect(nurture.status).toBe(201);
    const response = await call('contracts', 'POST', '/api/contracts', { portalId: String(PORTAL), contract: contractWith((c) => (c.steps[2].timeout = 'P100Y')) });
    expect(response.status).toBe(201);
  });

  it.each(['P999999999Y', 'PT99999999999999H'])('clock advance by %s is a 400 naming "by"', async (by) => {
    const response = await call('advance', 'POST', '/api/clock/advance', { by });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ issues: [expect.objectContaining({ path: 'by' })] });
  });
});

describe('the simulate attack', () => {
  const record = { lifecyclestage: 'lead' };
  const events = [{ at: 'PT0S', kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' }];

  it.each([
    { name: 'a business-hours wait of PT99999999999999H', body: { contract: contractWith((c) => Object.assign(c.steps[0], { wait: 'PT99999999999999H', businessHours: true })), record, events }, problem: /^contract\/steps\/0\/wait: /u },
    { name: 'a horizon of P999999999Y', body: { contract: exampleContract('no-show-rebook'), record, events, horizon: 'P999999999Y' }, problem: /^horizon: / },
    { name: 'an event at P999999999Y', body: { contract: exampleContract('no-show-rebook'), record, events: [{ at: 'P999999999Y', event: 'replied' }] }, problem: /^events\[0\]/ },
  ])('$name is a 400 naming the field, and /api/health still answers', async ({ body, problem }) => {
    const attack = call('simulate', 'POST', '/api/simulate', body);
    const response = await attack;
    expect(response.status).toBe(400);
    const details = ((await response.json()) as { details: string[] }).details;
    expect(details.some((d) => problem.test(d))).toBe(true);
    const health = await Promise.race([call('health', 'GET', '/api/health'), new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 1000))]);
    expect(health).not.toBe('timeout');
    expect((health as Response).status).toBe(200);
  });

  it('a 100-year business-hours wait (the maximum) is simulated at once', async () => {
    const contract = contractWith((c) => Object.assign(c.steps[0], { wait: 'PT876000H', businessHours: true }));
    const response = await call('simulate', 'POST', '/api/simulate', { contract, record, events, start: '2026-11-30T15:00:00Z', horizon: 'P100Y' });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { path: { id: string; at: string }[] };
    // 876,000 open hours at 40 a week is 21,900 weeks (about 420 years): beyond the horizon, so the run stays in the wait.
    expect(body.path.map((p) => p.id)).toEqual(['pause']);
  });
});
