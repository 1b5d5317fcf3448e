/**
 * The state store's invariants are indexes and constraints, not application checks. Each one is
 * raced by many concurrent writers through the production write paths (exactly one wins, no
 * error reaches the caller), checked in the catalog (exists, valid, unique, partial where it
 * should be), and shown to be load-bearing: on a copy of the database with the index dropped, the
 * same race lets several writers win, or (the attempt key) the production insert cannot run.
 *
 * Enrollment goes through `startEnteredRun` (run/start-entered-run.ts), as every enrollment does
 * after the engine's entry decision; external writes go through `performAttempt`
 * (actions/perform-attempt.ts), as the perform-action job does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performAttempt } from '../../lib/runtime/actions/perform-attempt';
import { publishContract } from '../../lib/runtime/contracts/publish-contract';
import { actionContextFor } from '../../lib/runtime/run/action-context-for';
import { advanceRun } from '../../lib/runtime/run/advance-run';
import type { LiveContract } from '../../lib/runtime/run/engine-port';
import { recordSnapshot } from '../../lib/runtime/run/record-snapshot';
import { startEnteredRun, type StartEnteredResult } from '../../lib/runtime/run/start-entered-run';
import { sqlOf } from '../../lib/runtime/runtime-deps';
import { contractByKey } from '../../lib/runtime/store/contract-versions';
import { portalContext } from '../../lib/runtime/store/portal-context';
import { readRun } from '../../lib/runtime/store/run-rows';
import { storeWebhookEvents } from '../../lib/runtime/store/store-webhook-events';
import { beat } from '../../lib/runtime/store/worker-heartbeats';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createHarness, PORTAL, type Harness } from './runtime/helpers/runtime-harness';

const N = 20;
const ACTION_ROUNDS = 10;

/**
 * A publishable contract: `first` (when given), then a day's wait and a tag step (the linter wants
 * an action on every path and effects on every exit). It holds `lanes` while it runs.
 */
function contract(key: string, lanes: string[], first?: Record<string, unknown>) {
  const tag = (suffix: string) => ({ action: 'add_tag', with: { tag: `${key}-${suffix}` } });
  const steps = [
    { id: 'hold', wait: 'P1D', next: 'ping' },
    { id: 'ping', ...tag('pinged'), next: 'exit-done', onFailure: 'exit-done' },
  ];
  return {
    contract: 1,
    key,
    name: key,
    object: 'contact',
    docs: { purpose: 'Races the state store invariants.', owner: 'qa@example.com', businessEvent: `${key} is asked for.` },
    trigger: { event: 'property_changed', property: `wants_${key.replaceAll('-', '_')}`, to: 'yes' },
    entry: { filter: { property: 'email', known: true }, reenroll: 'after_exit', ...(lanes.length > 0 ? { lanes } : {}) },
    steps: first ? [first, ...steps] : steps,
    exits: [
      { id: 'exit-done', outcome: 'neutral', effects: [tag('done')] },
      ...(lanes.length > 0 ? [{ id: 'preempted', outcome: 'neutral', effects: [tag('preempted')] }] : []),
    ],
  };
}

const CONTRACTS = [
  contract('solo', []),
  contract('lane-a', ['outreach']),
  contract('lane-b', ['outreach']),
  contract('act-first', [], { id: 'task', action: 'create_task', with: { title: 'Call' }, next: 'hold', onFailure: 'exit-done' }),
];

interface Setup {
  t: TestDatabase;
  h: Harness;
  live: Record<'solo' | 'lane-a' | 'lane-b' | 'act-first', LiveContract>;
}

/** A runtime on `t` (memory CRM, installed portal) with the race contracts published. */
async function setUp(t: TestDatabase): Promise<Setup> {
  const h = createHarness(t, 'invariants-test');
  await h.installed;
  const live = {} as Setup['live'];
  for (const source of CONTRACTS) {
    const published = await publishContract(t.db, { portalId: PORTAL, source, publishedBy: 'test', now: new Date() });
    if (!published.published) throw new Error(`${source.key} not published: ${published.reason} ${JSON.stringify(published.findings)}`);
    live[source.key as keyof Setup['live']] = (await contractByKey(t.db, PORTAL, source.key))!;
  }
  return { t, h, live };
}

/**
 * One enrollment as enrollRecord makes it once the engine accepted it. Every writer is handed
 * the same empty shared state (no active run, no lane holder), as when all of them loaded it
 * before any wrote: only the database can tell them apart.
 */
async function enter(s: Setup, live: LiveContract, recordId: string): Promise<StartEnteredResult> {
  return startEnteredRun(s.h.deps, {
    portalId: PORTAL,
    live,
    objectType: 'contact',
    recordId,
    lanes: live.contract.entry.lanes ?? [],
    priority: 0,
    record: recordSnapshot('contact', recordId, undefined),
    shared: { activeRuns: [], heldLanes: [], completed: [] },
    portal: await portalContext(sqlOf(s.h.deps), PORTAL),
    signalCursor: 0n,
    now: s.h.deps.clock.now(),
    enrollment: { reason: 'race', inputs: {} },
  });
}

async function raceSameContract(s: Setup, recordId: string): Promise<StartEnteredResult[]> {
  return Promise.all(Array.from({ length: N }, () => enter(s, s.live.solo, recordId)));
}

/** Two contracts that hold the same lane, half the writers each. */
async function raceOneLane(s: Setup, recordId: string): Promise<StartEnteredResult[]> {
  return Promise.all(Array.from({ length: N }, (_, i) => enter(s, i % 2 === 0 ? s.live['lane-a'] : s.live['lane-b'], recordId)));
}

async function raceWebhookBatch(t: TestDatabase): Promise<number> {
  const batch = Array.from({ length: 5 }, (_, i) => ({
    portalId: PORTAL,
    eventId: BigInt(1000 + i),
    subscriptionType: 'contact.propertyChange',
    objectId: 7n,
    occurredAt: new Date(),
    attemptNumber: 0,
    payload: { eventId: 1000 + i },
  }));
  const inserted = await Promise.all(
    Array.from({ length: 10 }, () => t.db.$transaction((tx) => storeWebhookEvents(tx, batch))),
  );
  return inserted.reduce((a, b) => a + b.length, 0);
}

/**
 * Enrolls a record in `act-first` (its first step writes a task, so the enrollment statement
 * writes the attempt row), then N live worker processes perform that attempt at once, as N
 * duplicated perform-action jobs on N workers would. The run lease is exclusive between
 * processes (a process may take its own lease again), so each racer is its own process.
 * Returns what they answered and what reached the CRM.
 */
async function raceActionWrites(s: Setup, recordId: string, processes: 'one' | 'many' = 'many') {
  const started = await enter(s, s.live['act-first'], recordId);
  if (!started.started) throw new Error(`act-first did not start for ${recordId}`);
  const run = (await readRun(sqlOf(s.h.deps), started.runId))!;
  const [attempt] = await s.t.db.actionAttempt.findMany({ where: { runId: run.id } });
  const key = attempt!.idempotencyKey;
  // Many processes, or one process running the same write N times at once (say a duplicate job).
  const workers = Array.from({ length: N }, (_, i) => ({ ...s.h.deps, processId: processes === 'many' ? `worker-${recordId}-${i}` : `worker-${recordId}` }));
  // Live heartbeats: a lease held by a process without one counts as abandoned and is taken over.
  await Promise.all([...new Set(workers.map((w) => w.processId))].map((id) => beat(s.h.deps.db, id, [])));
  const contexts = await Promise.all(workers.map((w) => actionContextFor(w, run)));
  // Staggered by a millisecond each, so some racers read the row while the winner is writing and
  // take the lease after it let go: the interleaving that sent a second write before
  // performAttempt read the row again under the lease (all at once, it showed rarely).
  const results = await Promise.all(
    workers.map(async (w, i) => {
      await new Promise((resolve) => setTimeout(resolve, i));
      return performAttempt(w, key, contexts[i]!);
    }),
  );
  return {
    results,
    writes: s.h.deps.crm.writes.filter((w) => w.actionKey === key).length,
    rows: await s.t.db.actionAttempt.count({ where: { idempotencyKey: key } }),
  };
}

describe('invariants under concurrency', () => {
  let s: Setup;
  beforeAll(async () => {
    s = await setUp(await createTestDatabase());
  });
  afterAll(async () => s.t.drop());

  it('one active run per (portal, contract, record)', async () => {
    const results = await raceSameContract(s, 'r-1');
    expect(results.filter((r) => r.started)).toHaveLength(1);
    expect(results.filter((r) => !r.started)).toEqual(Array(N - 1).fill({ started: false, conflict: 'active-run' }));
    expect(await s.t.db.run.count({ where: { recordId: 'r-1' } })).toBe(1);
  });

  it('a new run may start once the previous one has exited', async () => {
    const first = await enter(s, s.live.solo, 'r-again');
    if (!first.started) throw new Error('the first run did not start');
    expect(await enter(s, s.live.solo, 'r-again')).toEqual({ started: false, conflict: 'active-run' });
    await advanceRun(s.h.deps, first.runId, { kind: 'end', exitId: 'exit-done', reason: 'test' });
    expect(await s.t.db.run.findUniqueOrThrow({ where: { id: first.runId } })).toMatchObject({ status: 'exited' });
    expect((await enter(s, s.live.solo, 'r-again')).started).toBe(true);
  });

  it('one holder per (portal, lane, record) across contracts', async () => {
    const results = await raceOneLane(s, 'r-2');
    expect(results.filter((r) => r.started)).toHaveLength(1);
    // The other contract's writers lose on the lane; the winner's own contract-mates lose earlier,
    // on its active run (the run row is inserted before its lanes).
    const winner = results.findIndex((r) => r.started);
    const expected = results.map((_, i) => (i === winner ? undefined : i % 2 === winner % 2 ? 'active-run' : 'lane'));
    expect(results.map((r) => (r.started ? undefined : r.conflict))).toEqual(expected);
    const holders = await s.t.db.laneHolding.count({ where: { recordId: 'r-2', releasedAt: null } });
    expect(holders).toBe(1);
    // The losers' run rows were rolled back with their lane inserts: no run without its lanes.
    expect(await s.t.db.run.count({ where: { recordId: 'r-2' } })).toBe(1);
  });

  it('each (portal, webhook event) is stored once, every delivery succeeds', async () => {
    expect(await raceWebhookBatch(s.t)).toBe(5);
    expect(await s.t.db.webhookEvent.count()).toBe(5);
  });

  it('each action idempotency key is written to the CRM once, with one attempt row', async () => {
    // Several rounds: a second write needs a racer to read the row just before the winner
    // records its outcome and to take the lease just after, a narrow window.
    for (let round = 0; round < ACTION_ROUNDS; round++) {
      const { results, writes, rows } = await raceActionWrites(s, `r-act-${round}`);
      expect(writes).toBe(1);
      expect(rows).toBe(1);
      expect(results.filter((r) => r.status === 'succeeded').length).toBeGreaterThanOrEqual(1);
      expect(results.every((r) => r.status === 'succeeded' || r.status === 'busy')).toBe(true);
    }
  });

  it('each action idempotency key is written once when one process races itself', async () => {
    for (let round = 0; round < ACTION_ROUNDS; round++) {
      const { results, writes, rows } = await raceActionWrites(s, `r-act-self-${round}`, 'one');
      expect(writes).toBe(1);
      expect(rows).toBe(1);
      expect(results.every((r) => r.status === 'succeeded' || r.status === 'busy')).toBe(true);
    }
  });

  it('an exited run must record its exit', async () => {
    const [result] = await raceSameContract(s, 'r-exit').then((r) => r.filter((x) => x.started));
    const runId = (result as { runId: string }).runId;
    await expect(
      s.t.pool.query(`UPDATE runs SET status = 'exited', exited_at = now() WHERE id = $1`, [runId]),
    ).rejects.toThrow(/runs_exit_recorded/);
  });

  it('published versions and the decision log are append-only', async () => {
    await expect(s.t.pool.query(`UPDATE contract_versions SET definition = '{"x":1}'`)).rejects.toThrow(/append-only/);
    await expect(s.t.pool.query(`DELETE FROM decision_log`)).rejects.toThrow(/append-only/);
  });

  it('catalog: every invariant index exists, is valid and unique (partial where it should be)', async () => {
    const expected: Record<string, { table: string; partial: boolean }> = {
      runs_one_active_per_record: { table: 'runs', partial: true },
      lane_holdings_one_holder: { table: 'lane_holdings', partial: true },
      webhook_events_portal_id_event_id_key: { table: 'webhook_events', partial: false },
      action_attempts_idempotency_key_key: { table: 'action_attempts', partial: false },
    };
    const rows = await s.t.pool.query<{ index: string; table: string; valid: boolean; unique: boolean; partial: boolean }>(
      `SELECT ci.relname AS index, ct.relname AS table, i.indisvalid AS valid, i.indisunique AS unique,
              i.indpred IS NOT NULL AS partial
         FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class ct ON ct.oid = i.indrelid
        WHERE ci.relname = ANY($1)`,
      [Object.keys(expected)],
    );
    expect(rows.rows.map((r) => r.index).sort()).toEqual(Object.keys(expected).sort());
    for (const row of rows.rows) {
      expect(row).toMatchObject({ table: expected[row.index]!.table, valid: true, unique: true, partial: expected[row.index]!.partial });
    }
    const checks = await s.t.pool.query(`SELECT conname FROM pg_constraint WHERE conname = 'runs_exit_recorded' AND convalidated`);
    expect(checks.rowCount).toBe(1);
  });
});

describe('the race tests fail without their index', () => {
  it('lets several runs, lane holders and events through', async () => {
    // The attempt index stays: every enrollment statement names it in ON CONFLICT (see below).
    const s = await setUp(await createTestDatabase());
    try {
      await s.t.pool.query(`DROP INDEX runs_one_active_per_record; DROP INDEX lane_holdings_one_holder;
        DROP INDEX webhook_events_portal_id_event_id_key`);
      expect((await raceSameContract(s, 'x-1')).filter((r) => r.started).length).toBeGreaterThan(1);
      expect((await raceOneLane(s, 'x-2')).filter((r) => r.started).length).toBeGreaterThan(1);
      expect(await raceWebhookBatch(s.t)).toBeGreaterThan(5);
    } finally {
      await s.t.drop();
    }
  });

  it('without the idempotency-key index the production attempt insert cannot run at all', async () => {
    // `ON CONFLICT (idempotency_key) DO NOTHING` needs a unique index to arbitrate on; without
    // one Postgres refuses the statement. The enrollment fails loudly and writes nothing.
    const s = await setUp(await createTestDatabase());
    try {
      await s.t.pool.query(`DROP INDEX action_attempts_idempotency_key_key`);
      await expect(enter(s, s.live['act-first'], 'x-act')).rejects.toThrow(
        /no unique or exclusion constraint matching the ON CONFLICT specification/,
      );
      expect(await s.t.db.run.count({ where: { recordId: 'x-act' } })).toBe(0);
      expect(await s.t.db.actionAttempt.count()).toBe(0);
    } finally {
      await s.t.drop();
    }
  });
});
