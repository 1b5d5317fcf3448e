/**
 * The pieces behind waits and crash recovery: the DB-offset clock every process shares, the
 * sweeper that turns due runs into wake-ups in due order (once, and again only after a lost
 * job's timeout), the reaper that frees the queue locks of a dead worker process, run leases
 * that die with their owner's heartbeat, and a manual start made twice.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { defineJob } from '../../../lib/queue/job-definition';
import { handle } from '../../../lib/queue/worker';
import { enqueue } from '../../../lib/queue/enqueue';
import { advanceClockOffset, readClockOffset } from '../../../lib/runtime/store/clock-offset';
import { dbOffsetClock } from '../../../lib/runtime/clock';
import { publishContract } from '../../../lib/runtime/contracts/publish-contract';
import { startManualRun } from '../../../lib/runtime/control/start-manual-run';
import { noopJob } from '../../../lib/runtime/jobs/noop';
import { wakeRunJob } from '../../../lib/runtime/jobs/definitions/wake-run';
import { acquireRunLease, releaseRunLease } from '../../../lib/runtime/store/run-lease';
import { sweepDueRuns } from '../../../lib/runtime/store/sweep-due-runs';
import { beat, reapDeadWorkers } from '../../../lib/runtime/store/worker-heartbeats';
import { startRuntimeWorker } from '../../../lib/runtime/worker/start-runtime-worker';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, exampleContract, PORTAL, propertyChange, type Harness } from './helpers/runtime-harness';

const MINUTE = 60_000;

/** The runs each pending wake-up job carries, jobs in the order the queue hands them out. */
async function wakeJobs(t: TestDatabase): Promise<{ runId: string; seq: number }[][]> {
  const jobs = await t.pool.query<{ payload: { runs: { runId: string; seq: number }[] } }>(
    `SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
      WHERE k.identifier = 'wake-run' ORDER BY j.priority, j.run_at, j.id`,
  );
  return jobs.rows.map((r) => r.payload.runs);
}

describe('clock, sweeper, heartbeats and leases', () => {
  let t: TestDatabase;
  let h: Harness;
  beforeAll(async () => {
    t = await createTestDatabase();
    h = createHarness(t);
    const manual = {
      ...exampleContract('no-show-rebook'),
      key: 'manual-call',
      trigger: { event: 'manual' },
      entry: { filter: { property: 'email', known: true }, lanes: ['outreach'] },
      goals: [],
    };
    for (const c of [exampleContract('long-term-nurture'), exampleContract('no-show-rebook'), manual]) {
      const r = await publishContract(t.db, { portalId: PORTAL, source: c, publishedBy: 'test', now: new Date() });
      expect(r.published, JSON.stringify(r)).toBe(true);
    }
  });
  afterAll(async () => t.drop());

  it('every process reads the same clock offset, cached briefly', async () => {
    const a = dbOffsetClock(t.db, { cacheMs: 60_000 });
    const b = dbOffsetClock(t.db, { cacheMs: 0 });
    await a.sync();
    const before = await readClockOffset(t.db);
    await advanceClockOffset(t.db, 5 * MINUTE);
    await b.sync();
    expect(b.now().getTime() - Date.now()).toBeGreaterThanOrEqual(before + 5 * MINUTE - 1000);
    await a.sync();
    expect(a.now().getTime() - Date.now()).toBeLessThan(before + 5 * MINUTE - 1000);
    await a.sync({ force: true });
    expect(a.now().getTime() - Date.now()).toBeGreaterThanOrEqual(before + 5 * MINUTE - 1000);
    await expect(advanceClockOffset(t.db, -1)).rejects.toThrow(/forward/);
  });

  it('enqueues due wake-ups once, in due order, and again only after a lost job times out', async () => {
    const now = Date.now();
    for (const [i, id] of [903, 901, 902].entries()) {
      await h.deliver([propertyChange(id, 'lifecyclestage', 'lead', now - 100), propertyChange(id, 'last_meeting_outcome', 'NO_SHOW', now + i)]);
    }
    const runs = await t.db.run.findMany({ where: { contractKey: 'no-show-rebook', status: 'active' }, orderBy: { dueAt: 'asc' } });
    expect(runs).toHaveLength(3);
    await t.pool.query(`DELETE FROM graphile_worker._private_jobs`);
    const at = new Date(Math.max(...runs.map((r) => r.dueAt!.getTime())) + 1000);
    expect(await sweepDueRuns(t.db, { now: new Date(runs[0]!.dueAt!.getTime() - 1) })).toBe(0);
    expect(await sweepDueRuns(t.db, { now: at })).toBe(3);
    expect(await sweepDueRuns(t.db, { now: at })).toBe(0);
    expect((await wakeJobs(t)).flat().map((w) => w.runId)).toEqual(runs.map((r) => r.id));
    // The jobs are lost (say, dropped): after the re-enqueue window the sweeper hands them out again.
    await t.pool.query(`DELETE FROM graphile_worker._private_jobs`);
    expect(await sweepDueRuns(t.db, { now: at, includeLost: true, requeueAfterMs: 60_000 })).toBe(0);
    await t.pool.query(`UPDATE runs SET wake_enqueued_at = now() - interval '2 minutes'`);
    expect(await sweepDueRuns(t.db, { now: at, includeLost: true, requeueAfterMs: 60_000 })).toBe(3);
    // Still waiting in the queue: not enqueued again, however long it waits.
    await t.pool.query(`UPDATE runs SET wake_enqueued_at = now() - interval '2 minutes'`);
    expect(await sweepDueRuns(t.db, { now: at, includeLost: true, requeueAfterMs: 60_000 })).toBe(0);
  });

  it('feeds a burst to the queue in refills, grouped into jobs in due order: at most maxQueued wait, topped up once half is gone', async () => {
    const now = Date.now();
    for (const id of [904, 905]) {
      await h.deliver([propertyChange(id, 'lifecyclestage', 'lead', now - 100), propertyChange(id, 'last_meeting_outcome', 'NO_SHOW', now)]);
    }
    await t.pool.query(`DELETE FROM graphile_worker._private_jobs`);
    await t.pool.query(`UPDATE runs SET wake_enqueued_at = NULL WHERE contract_key = 'no-show-rebook' AND status = 'active'`);
    const due = await t.db.run.findMany({ where: { contractKey: 'no-show-rebook', status: 'active' }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] });
    expect(due).toHaveLength(5);
    const at = new Date(now + 365 * 24 * 60 * MINUTE);
    // What a fired wake-up does to the oldest waiting run: it moves on (a new due time, unmarked).
    const fireOldest = () =>
      t.pool.query(`UPDATE runs SET due_at = due_at + interval '800 days', wake_enqueued_at = NULL
                     WHERE id = (SELECT id FROM runs WHERE wake_enqueued_at IS NOT NULL AND status = 'active' ORDER BY due_at, id LIMIT 1)`);
    expect(await sweepDueRuns(t.db, { now: at, maxQueued: 4, maxPerJob: 2 })).toBe(4);
    // Four runs in due order, at most two to a job.
    const jobs = await wakeJobs(t);
    expect(jobs.every((runs) => runs.length >= 1 && runs.length <= 2)).toBe(true);
    expect(jobs.flat().map((w) => w.runId)).toEqual(due.slice(0, 4).map((r) => r.id));
    // One fired, three still wait (more than half): no top-up of a single run.
    await fireOldest();
    expect(await sweepDueRuns(t.db, { now: at, maxQueued: 4, maxPerJob: 2 })).toBe(0);
    // Half gone: the fifth due run goes in.
    await fireOldest();
    expect(await sweepDueRuns(t.db, { now: at, maxQueued: 4, maxPerJob: 2 })).toBe(1);
    expect((await wakeJobs(t)).flat().map((w) => w.runId)).toEqual(due.slice(0, 5).map((r) => r.id));
    // Runs handed over long ago (their job failed for good, say) hold no place in the queue.
    await t.pool.query(`UPDATE runs SET wake_enqueued_at = now() - interval '2 minutes' WHERE wake_enqueued_at IS NOT NULL`);
    await h.deliver([propertyChange(908, 'lifecyclestage', 'lead', now - 100), propertyChange(908, 'last_meeting_outcome', 'NO_SHOW', now)]);
    expect(await sweepDueRuns(t.db, { now: at, maxQueued: 4, maxPerJob: 2 })).toBe(1);
  });

  it('a wake-up job carrying several runs wakes each due one once; a stale or missing one does not stop the rest', async () => {
    const now = Date.now();
    for (const id of [906, 907]) {
      await h.deliver([propertyChange(id, 'lifecyclestage', 'lead', now - 100), propertyChange(id, 'last_meeting_outcome', 'NO_SHOW', now)]);
    }
    const [due, stale] = await Promise.all(['906', '907'].map((recordId) => t.db.run.findFirstOrThrow({ where: { recordId, contractKey: 'no-show-rebook' } })));
    // Both entered their wait long ago, so both are due now.
    await t.pool.query(
      `UPDATE runs SET due_at = '2000-01-01T00:10:00Z', state = jsonb_set(state, '{stepEnteredAt}', '"2000-01-01T00:00:00.000Z"') WHERE id = ANY($1::uuid[])`,
      [[due!.id, stale!.id]],
    );
    await enqueue(t.db, wakeRunJob, {
      runs: [
        { runId: due!.id, seq: due!.seq },
        { runId: stale!.id, seq: stale!.seq - 1 },
        { runId: '00000000-0000-4000-8000-000000000000', seq: 1 },
      ],
    }, { jobKey: 'wake-batch-test' });
    await h.drain();
    expect((await t.db.run.findUniqueOrThrow({ where: { id: due!.id } })).seq).toBeGreaterThan(due!.seq);
    expect((await t.db.run.findUniqueOrThrow({ where: { id: stale!.id } })).seq).toBe(stale!.seq);
    // Nothing failed: no job is left behind for a retry.
    expect((await t.pool.query(`SELECT 1 FROM graphile_worker._private_jobs WHERE key = 'wake-batch-test'`)).rowCount).toBe(0);
  });

  it('releases the queue locks of a worker process whose heartbeat stopped', async () => {
    await enqueue(t.db, noopJob, {}, { jobKey: 'locked-job' });
    await beat(t.db, 'dead-process', ['worker-dead-1']);
    await t.pool.query(`UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '1 minute', locked_by = 'worker-dead-1' WHERE key = 'locked-job'`);
    await t.pool.query(`UPDATE worker_heartbeats SET last_seen_at = now() - interval '1 minute' WHERE id = 'dead-process'`);
    await beat(t.db, 'live-process', ['worker-live-1']);
    expect(await reapDeadWorkers(t.db, 20_000)).toEqual(['dead-process']);
    const job = await t.pool.query(`SELECT locked_by FROM graphile_worker._private_jobs WHERE key = 'locked-job'`);
    expect(job.rows[0]).toEqual({ locked_by: null });
    expect(await reapDeadWorkers(t.db, 20_000)).toEqual([]);
  });

  it("never releases a live worker's job, however long it runs (its heartbeat claims the lock)", async () => {
    // graphile-worker locks jobs in the name of the worker pool: the heartbeat must claim that id.
    const slowJob = defineJob('test-slow', z.object({}));
    let finish = () => {};
    const finished = new Promise<void>((resolve) => (finish = resolve));
    let started = false;
    const worker = await startRuntimeWorker({
      connectionString: t.url,
      db: t.db,
      clock: dbOffsetClock(t.db),
      processId: 'slow-process',
      handlers: [handle(slowJob, async () => {
        started = true;
        await finished;
      })],
      concurrency: 1,
      pollInterval: 100,
      heartbeatMs: 100,
      sweepMs: 60_000,
    });
    try {
      await enqueue(t.db, slowJob, {}, { jobKey: 'slow-job' });
      await vi.waitFor(() => expect(started).toBe(true), { timeout: 10_000 });
      const { rows } = await t.pool.query<{ locked_by: string }>(`SELECT locked_by FROM graphile_worker._private_jobs WHERE key = 'slow-job'`);
      const lockedBy = rows[0]!.locked_by;
      await vi.waitFor(async () => {
        const beats = await t.pool.query(`SELECT 1 FROM worker_heartbeats WHERE id = 'slow-process' AND $1 = ANY(worker_ids)`, [lockedBy]);
        expect(beats.rowCount).toBe(1);
      });
      // The job has been running for a minute, well past the dead-after time.
      await t.pool.query(`UPDATE graphile_worker._private_jobs SET locked_at = now() - interval '1 minute' WHERE key = 'slow-job'`);
      expect(await reapDeadWorkers(t.db, 20_000)).toEqual([]);
      const after = await t.pool.query(`SELECT locked_by FROM graphile_worker._private_jobs WHERE key = 'slow-job'`);
      expect(after.rows[0]).toEqual({ locked_by: lockedBy });
    } finally {
      finish();
      await worker.stop();
    }
  });

  it('a run lease is exclusive while its owner lives and free once its heartbeat is gone', async () => {
    const run = await t.db.run.findFirstOrThrow({ where: { contractKey: 'no-show-rebook' } });
    await beat(t.db, 'owner-a', []);
    expect(await acquireRunLease(t.db, run.id, 'owner-a/k1', 'owner-a')).toBe(true);
    expect(await acquireRunLease(t.db, run.id, 'owner-b/k1', 'owner-b')).toBe(false);
    await t.pool.query(`DELETE FROM worker_heartbeats WHERE id = 'owner-a'`);
    expect(await acquireRunLease(t.db, run.id, 'owner-b/k1', 'owner-b')).toBe(true);
    await releaseRunLease(t.db, run.id, 'owner-b/k1');
    expect(await acquireRunLease(t.db, run.id, 'owner-c/k1', 'owner-c')).toBe(true);
  });

  it('a manual start made twice starts one run and logs the second as rejected', async () => {
    await t.pool.query(`DELETE FROM graphile_worker._private_jobs`);
    await h.deliver([propertyChange(950, 'email', 'm@example.com')]);
    for (let i = 0; i < 2; i++) {
      await startManualRun(h.deps, { portalId: PORTAL, contractKey: 'manual-call', objectType: 'contact', recordId: '950', actor: 'ada' });
    }
    await h.drain();
    const runs = await t.db.run.findMany({ where: { recordId: '950', contractKey: 'manual-call' } });
    expect(runs).toHaveLength(1);
    const log = await t.db.decisionLog.findMany({ where: { recordId: '950', contractKey: 'manual-call' }, orderBy: { id: 'asc' } });
    expect(log.find((l) => l.kind === 'enroll')?.actor).toBe('ada');
    expect(log.filter((l) => l.kind === 'entry' && l.outcome === 'rejected')).toHaveLength(1);
  });
});
