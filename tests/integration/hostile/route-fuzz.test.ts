/**
 * Issue 9: property-based hostile input against every JSON route module (sandbox mode) and the
 * signed webhook endpoint. Each case takes a valid request and replaces one value (at any depth)
 * or adds one key with something hostile: NUL, lone surrogates, ids beyond int64, numbers past
 * every column, huge durations, wrong types, deep nesting, long text. No answer may be a 5xx.
 * Fixed seed, so a failure reproduces; the counterexample names the route and the input.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { signV3 } from '../../../lib/hubspot/signature';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, publishExamples, type Harness } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = { GET?: Handler; POST?: Handler; DELETE?: Handler };
const APP_URL = 'https://waymark.test';
const SECRET = 'hostile-fuzz-secret-0000000000000';
let t: TestDatabase;
let h: Harness;
let runId = '';
const routes: Record<string, Module> = {};

const deep = (levels: number) => JSON.parse('['.repeat(levels) + ']'.repeat(levels)) as unknown;
/** Stands for 5,000 nested arrays, spliced into the JSON text (fast-check would recurse printing the value itself). */
const DEEP = '@@deep@@';
const HOSTILE: unknown[] = [
  '\u0000', 'a\u0000b', '\ud800', 'x\udc00', '9223372036854775808', '9999999999999999999', '-1', '', ' ', 'x'.repeat(20_000),
  9223372036854775807, 1e308, -1e308, 2 ** 31, 2 ** 53 + 2, 9e15, -1, 0.5, null, true, [], {}, [null], { '\u0000': 1 },
  'P999999999Y', 'PT99999999999999H', '2026-13-45T99:99:99Z', '+275760-09-13T00:00:01Z', '__proto__', 'constructor',
  deep(40), DEEP,
];
const hostile = fc.constantFrom(...HOSTILE);

/** Every path to a value in `value` (objects and arrays), the root included. */
function paths(value: unknown, at: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

/** A copy of `base` with the value at `path` replaced, or (addKey) a key added beside it. */
function mutate(base: unknown, path: (string | number)[], replacement: unknown, addKey?: string): unknown {
  if (path.length === 0) return addKey && base && typeof base === 'object' && !Array.isArray(base) ? { ...base, [addKey]: replacement } : replacement;
  const [head, ...rest] = path;
  if (Array.isArray(base)) return base.map((v, i) => (i === head ? mutate(v, rest, replacement, addKey) : v));
  const record = base as Record<string, unknown>;
  return { ...record, [head as string]: mutate(record[head as string], rest, replacement, addKey) };
}

interface Target {
  name: string;
  module: string;
  method: 'GET' | 'POST';
  url: string;
  body: () => unknown;
  params?: () => Record<string, string>;
  signed?: boolean;
}

const portalId = String(PORTAL);
const TARGETS: Target[] = [
  { name: 'POST /api/contracts', module: 'contracts/route', method: 'POST', url: '/api/contracts', body: () => ({ portalId, contract: exampleContract('no-show-rebook'), versionPolicy: 'drain' }) },
  { name: 'POST /api/contracts/what-if', module: 'contracts/what-if/route', method: 'POST', url: '/api/contracts/what-if', body: () => ({ portalId, contract: exampleContract('no-show-rebook') }) },
  { name: 'POST /api/contracts/[key]/status', module: 'contracts/[key]/status/route', method: 'POST', url: '/api/contracts/k/status', body: () => ({ action: 'pause', portalId }), params: () => ({ key: 'long-term-nurture' }) },
  { name: 'POST /api/runs', module: 'runs/route', method: 'POST', url: '/api/runs', body: () => ({ portalId, contractKey: 'long-term-nurture', objectType: 'contact', recordId: '501' }) },
  { name: 'POST /api/runs/[id]/exit', module: 'runs/[id]/exit/route', method: 'POST', url: '/api/runs/x/exit', body: () => ({ exitId: 'not-an-exit', reason: 'fuzz' }), params: () => ({ id: runId }) },
  { name: 'POST /api/runs/[id]/retry', module: 'runs/[id]/retry/route', method: 'POST', url: '/api/runs/x/retry', body: () => ({ idempotencyKey: 'nope' }), params: () => ({ id: runId }) },
  {
    name: 'POST /api/simulate', module: 'simulate/route', method: 'POST', url: '/api/simulate',
    body: () => ({ contract: exampleContract('no-show-rebook'), record: { lifecyclestage: 'lead' }, start: '2026-11-30T15:00:00Z', horizon: 'P30D', timeZone: 'America/New_York', events: [{ at: 'PT0S', kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' }, { at: 'P1D', event: 'meeting_booked' }] }),
  },
  { name: 'POST /api/clock/advance', module: 'clock/advance/route', method: 'POST', url: '/api/clock/advance', body: () => ({ by: 'PT1M' }) },
  { name: 'POST /api/roles', module: 'roles/route', method: 'POST', url: '/api/roles', body: () => ({ portalId, userId: '7', role: 'viewer' }) },
  { name: 'POST /api/audits/suppressions', module: 'audits/suppressions/route', method: 'POST', url: `/api/audits/suppressions?portalId=${portalId}`, body: () => ({ rule: 'native-untriggered', subject: { kind: 'workflow', id: '1' }, reason: 'fuzzing' }) },
  { name: 'POST /api/hubspot/webhooks', module: 'hubspot/webhooks/route', method: 'POST', url: '/api/hubspot/webhooks', signed: true, body: () => [propertyChange(601, 'lifecyclestage', 'lead'), propertyChange(602, 'email', 'b@x.io')] },
];

function send(target: Target, body: unknown): Promise<Response> {
  const raw = (JSON.stringify(body) ?? 'null').replaceAll(`"${DEEP}"`, '['.repeat(5000) + ']'.repeat(5000));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (target.signed) {
    const timestamp = String(Date.now());
    headers['x-hubspot-request-timestamp'] = timestamp;
    headers['x-hubspot-signature-v3'] = signV3(SECRET, 'POST', `${APP_URL}${target.url}`, raw, timestamp);
  }
  const request = new Request(`http://localhost${target.url}`, { method: target.method, headers, body: raw });
  return routes[target.module]![target.method]!(request, { params: Promise.resolve(target.params?.() ?? {}) });
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: t.url, APP_URL, HUBSPOT_CLIENT_SECRET: SECRET });
  h = createHarness(t);
  for (const target of TARGETS) routes[target.module] ??= (await import(`../../../app/api/${target.module}`)) as Module;
  await h.installed;
  await publishExamples(h.deps);
  await h.deliver([propertyChange(501, 'email', 'a@x.io', Date.now() - 10), propertyChange(501, 'lifecyclestage', 'lead')]);
  runId = (await t.db.run.findFirstOrThrow({ where: { recordId: '501' } })).id;
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('hostile input never answers 5xx', () => {
  it.each(TARGETS)('$name', async (target) => {
    const base = target.body();
    const all = paths(base);
    await fc.assert(
      fc.asyncProperty(fc.nat(all.length - 1), hostile, fc.option(fc.constantFrom('extra', '\u0000', '__proto__', 'x\ud800'), { nil: undefined }), async (index, value, addKey) => {
        const body = mutate(base, all[index]!, value, addKey);
        const response = await send(target, body);
        expect(response.status, `${target.name} ${JSON.stringify(body)?.slice(0, 300)}`).toBeLessThan(500);
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 80), seed: Number(process.env.FUZZ_SEED ?? 9) },
    );
  }, 120_000);
});
