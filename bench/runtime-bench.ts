// npm run bench:runtime — end-to-end decisions per second against the same queue's no-op job
// throughput (ratio, goal ≥ 0.5), wake-up lateness for a burst of due runs, and worker RSS with
// that many active runs. Figures and ratios are measured in the same run; nothing is asserted.
//
// Knobs (environment): BENCH_PORTALS (20), BENCH_EVENTS_PER_PORTAL (1000), BENCH_NOOP_JOBS
// (20000), BENCH_WAKE_RUNS (100000), BENCH_CONCURRENCY (8), BENCH_DATABASE_ADMIN_URL.
import { setLogLevel } from '../lib/log';
import { publishContract } from '../lib/runtime/contracts/publish-contract';
import { jobHandlers } from '../lib/runtime/jobs';
import { startRuntimeWorker } from '../lib/runtime/worker/start-runtime-worker';
import { exampleContract, EXAMPLES } from '../tests/integration/runtime/helpers/runtime-harness';
import { benchCluster, benchRuntime, percentile, waitForQueue, type BenchDatabase } from './runtime-setup';

const PORTALS = Number(process.env.BENCH_PORTALS ?? 20);
const EVENTS = Number(process.env.BENCH_EVENTS_PER_PORTAL ?? 1000);
const NOOPS = Number(process.env.BENCH_NOOP_JOBS ?? 20000);
const WAKES = Number(process.env.BENCH_WAKE_RUNS ?? 100000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

setLogLevel('error');
const say = (line: string) => console.log(line);

async function withWorker<T>(bench: BenchDatabase, body: () => Promise<T>): Promise<T> {
  const deps = benchRuntime(bench);
  const worker = await startRuntimeWorker({
    connectionString: bench.url,
    db: bench.db,
    clock: deps.clock,
    processId: deps.processId,
    handlers: jobHandlers(deps),
    concurrency: CONCURRENCY,
    pollInterval: 200,
    sweepMs: 100,
  });
  try {
    return await body();
  } finally {
    await worker.stop();
  }
}

/** No-op jobs per second through the queue. */
async function noopRate(bench: BenchDatabase): Promise<number> {
  await bench.pool.query(
    `SELECT graphile_worker.add_jobs(ARRAY(SELECT ROW('noop', '{}'::json, NULL, NULL, 1, 'noop:' || i, 0, NULL)::graphile_worker.job_spec FROM generate_series(1, $1) i))`,
    [NOOPS],
  );
  return withWorker(bench, async () => {
    const started = performance.now();
    await waitForQueue(bench.pool);
    return NOOPS / ((performance.now() - started) / 1000);
  });
}

/** An active installation row: the runtime does no work for portals that are not installed. */
async function installPortal(bench: BenchDatabase, portalId: bigint): Promise<void> {
  await bench.pool.query(
    `INSERT INTO installations (id, portal_id, scopes, access_token_cipher, refresh_token_cipher, access_token_expires_at)
     VALUES (gen_random_uuid(), $1, '{}', 'bench', 'bench', now() + interval '1 day') ON CONFLICT (portal_id) DO NOTHING`,
    [portalId],
  );
}

/** Webhook batches stored and enqueued as the endpoint does, for many portals; decisions per second. */
async function decisionRate(bench: BenchDatabase): Promise<{ rate: number; events: number; enrolled: number; rejected: number }> {
  for (let p = 0; p < PORTALS; p += 1) {
    const portalId = BigInt(90000 + p);
    await installPortal(bench, portalId);
    for (const key of EXAMPLES) {
      const r = await publishContract(bench.db, { portalId, source: exampleContract(key), publishedBy: 'bench', now: new Date() });
      if (!r.published) throw new Error(`${key}: ${r.reason}`);
    }
    // Records Waymark already holds: even contacts are leads (they enroll), odd ones customers (rejected by the filter).
    await bench.pool.query(
      `INSERT INTO record_states (portal_id, object_type, record_id, properties, versions)
       SELECT $1, 'contact', i::text,
              jsonb_build_object('lifecyclestage', CASE WHEN i % 2 = 0 THEN 'lead' ELSE 'customer' END, 'email', 'c' || i || '@example.com'),
              jsonb_build_object('lifecyclestage', 1, 'email', 1)
         FROM generate_series(1, $2) i`,
      [portalId, EVENTS],
    );
    const now = Date.now();
    await bench.pool.query(
      `WITH ev AS (
         INSERT INTO webhook_events (portal_id, event_id, subscription_type, object_id, occurred_at, payload)
         SELECT $1, i, 'contact.propertyChange', i, to_timestamp(($3::bigint + i) / 1000.0),
                json_build_object('eventId', i, 'portalId', $1::bigint, 'subscriptionType', 'contact.propertyChange', 'objectId', i,
                                  'occurredAt', $3::bigint + i, 'propertyName', 'last_meeting_outcome', 'propertyValue', 'NO_SHOW', 'attemptNumber', 0)
           FROM generate_series(1, $2) i
         RETURNING id),
       groups AS (SELECT (row_number() OVER (ORDER BY id) - 1) / 100 AS g, id FROM ev),
       specs AS (SELECT g, json_agg(id::text ORDER BY id) AS ids FROM groups GROUP BY g)
       SELECT graphile_worker.add_jobs(ARRAY(
         SELECT ROW('process-webhook-batch', json_build_object('portalId', $1::text, 'eventRowIds', ids), NULL, NULL, 25,
                    'batch:' || $1 || ':' || g, 0, NULL)::graphile_worker.job_spec
           FROM specs ORDER BY g))`,
      [portalId, EVENTS, now],
    );
  }
  const events = PORTALS * EVENTS;
  const seconds = await withWorker(bench, async () => {
    const started = performance.now();
    await waitForQueue(bench.pool);
    return (performance.now() - started) / 1000;
  });
  const counts = await bench.pool.query<{ kind: string; outcome: string; n: number }>(
    `SELECT kind, outcome, count(*)::int AS n FROM decision_log WHERE kind IN ('enroll', 'entry') GROUP BY kind, outcome`,
  );
  const n = (kind: string, outcome: string) => counts.rows.find((r) => r.kind === kind && r.outcome === outcome)?.n ?? 0;
  const enrolled = n('enroll', 'accepted');
  const rejected = n('entry', 'rejected');
  if (enrolled + rejected !== events) say(`  warning: ${enrolled + rejected} entry decisions for ${events} events`);
  return { rate: events / seconds, events, enrolled, rejected };
}

/** WAKES runs of a wait step all due now; wake-up lateness and worker RSS while they fire. */
async function wakeBurst(bench: BenchDatabase): Promise<{ drained: number; firstAfter: number; rate: number; p50: number; p99: number; max: number; curve: number[]; rss: { before: number; peak: number; after: number } }> {
  const base = exampleContract('no-show-rebook');
  const contract = {
    ...base,
    key: 'bench-wait',
    entry: { filter: { property: 'email', known: true }, lanes: ['bench'] },
    goals: [],
    steps: [
      { id: 'hold', wait: 'PT1M', next: 'rest' },
      { id: 'rest', wait: 'P30D', next: 'tag' },
      { id: 'tag', action: 'add_tag', with: { tag: 'bench' }, next: 'exit-done', onFailure: 'exit-done' },
    ],
    exits: [{ id: 'exit-done', outcome: 'neutral', effects: [{ action: 'add_tag', with: { tag: 'bench-done' } }] }],
  };
  await installPortal(bench, 1n);
  const published = await publishContract(bench.db, { portalId: 1n, source: contract, publishedBy: 'bench', now: new Date() });
  if (!published.published) throw new Error(`${published.reason} ${JSON.stringify(published.findings)}`);
  const { rows } = await bench.pool.query<{ due: Date }>(`SELECT now() + interval '20 seconds' AS due`);
  const due = rows[0]!.due;
  await bench.pool.query(
    `INSERT INTO runs (id, portal_id, contract_id, contract_version_id, contract_key, object_type, record_id, status,
                       current_step_id, seq, due_at, state, started_at)
     SELECT gen_random_uuid(), 1, $1::uuid, $2::uuid, 'bench-wait', 'contact', i::text, 'active', 'hold', 1, $3,
            jsonb_build_object('engine', jsonb_build_object('visits', jsonb_build_object('hold', 1)),
                               'stepEnteredAt', to_char(($3::timestamptz - interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
            $3::timestamptz - interval '1 minute'
       FROM generate_series(1, $4) i`,
    [published.contractId, published.versionId, due, WAKES],
  );
  await bench.pool.query('ANALYZE runs');
  return withWorker(bench, async () => {
    const rss: number[] = [process.memoryUsage().rss];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 500);
    const wait = due.getTime() - Date.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    // Drained when no due run is left unswept (a look at the sweeper's own partial index, not a
    // scan of the burst, so watching costs the worker nothing) and the queue is empty.
    for (;;) {
      const left = await bench.pool.query(
        `SELECT 1 FROM runs WHERE status = 'active' AND due_at IS NOT NULL AND wake_enqueued_at IS NULL AND due_at <= $1 LIMIT 1`,
        [due],
      );
      if (left.rowCount === 0) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    await waitForQueue(bench.pool);
    clearInterval(sampler);
    rss.push(process.memoryUsage().rss);
    // When each run fired (its advance wrote updated_at), in firing order.
    const fired = await bench.pool.query<{ at: number }>(
      `SELECT extract(epoch FROM updated_at) * 1000 AS at FROM runs WHERE contract_key = 'bench-wait' ORDER BY updated_at`,
    );
    const times = fired.rows.map((r) => Number(r.at));
    const start = due.getTime();
    const drained = (times[times.length - 1]! - start) / 1000;
    const firstAfter = (times[0]! - start) / 1000;
    const rate = times.length / drained;
    // Lateness beyond the drain itself: the i-th wake-up is expected at due + i / rate.
    const lateness = times.map((at, i) => Math.max(0, at - (start + (i / rate) * 1000)) / 1000).sort((a, b) => a - b);
    // Firing rate per twentieth of the drain: lateness beyond the drain comes from its dips.
    const curve = Array.from({ length: 20 }, () => 0);
    for (const at of times) curve[Math.min(19, Math.floor(((at - start) / 1000 / drained) * 20))]! += 1;
    return {
      drained,
      firstAfter,
      rate,
      p50: percentile(lateness, 50),
      p99: percentile(lateness, 99),
      max: lateness[lateness.length - 1]!,
      curve: curve.map((n) => n / (drained / 20)),
      rss: { before: rss[0]!, peak: Math.max(...rss), after: rss[rss.length - 1]! },
    };
  });
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const cluster = await benchCluster();
/** Each phase on its own fresh database, so one phase's runs cannot fall due in another. */
async function phase<T>(body: (bench: BenchDatabase) => Promise<T>): Promise<T> {
  const bench = await cluster.database();
  try {
    return await body(bench);
  } finally {
    await bench.drop();
  }
}
try {
  say(`runtime benchmark: ${PORTALS} portals × ${EVENTS} events, ${NOOPS} no-op jobs, ${WAKES} due runs, worker concurrency ${CONCURRENCY}`);
  const noop = await phase(noopRate);
  say(`no-op jobs:            ${noop.toFixed(0)} jobs/s`);
  const decisions = await phase(decisionRate);
  say(`end-to-end decisions:  ${decisions.rate.toFixed(0)} decisions/s (${decisions.events} events: ${decisions.enrolled} enrolled, ${decisions.rejected} rejected, each with its log row)`);
  say(`ratio decisions/no-op: ${(decisions.rate / noop).toFixed(2)} (goal ≥ 0.50)`);
  const wakes = await phase(wakeBurst);
  say(`wake-up burst:         ${WAKES} runs drained in ${wakes.drained.toFixed(1)} s (${wakes.rate.toFixed(0)} wake-ups/s; the first fired ${wakes.firstAfter.toFixed(2)} s after its due time)`);
  say(`wake-up rate curve:    ${wakes.curve.map((r) => r.toFixed(0)).join(' ')} wake-ups/s, per twentieth of the drain`);
  say(`wake-up lateness:      p50 ${wakes.p50.toFixed(2)} s, p99 ${wakes.p99.toFixed(2)} s, max ${wakes.max.toFixed(2)} s beyond the drain at the measured rate (goal p99 < 2 s)`);
  say(`worker RSS:            ${mb(wakes.rss.before)} before, ${mb(wakes.rss.peak)} peak, ${mb(wakes.rss.after)} after, with ${WAKES} active runs`);
} finally {
  await cluster.stop();
}
process.exit(0);
