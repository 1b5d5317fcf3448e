/**
 * Turns due runs into wake-up jobs. graphile-worker's `run_at` is wall-clock time, but a run's
 * `due_at` is on the runtime clock (which sandbox mode can fast-forward), so due wake-ups are
 * found here, from `runs.due_at`, rather than scheduled in the queue ahead of time.
 *
 * Concurrency: several workers sweep at once. `FOR UPDATE SKIP LOCKED` lets each claim a
 * disjoint slice; `wake_enqueued_at` marks a run as handed to the queue so the next sweep does
 * not enqueue it again (the partial index `runs_unswept_due_at_idx` holds only unmarked runs,
 * so a sweep costs its slice, however large the burst). Runs go to the queue in due order,
 * grouped a few dozen to a job, so they start in the order they fell due. Duplicates are
 * harmless: every wake-up is fenced by the run's `seq`.
 *
 * Portals without an active installation are skipped (their runs keep their due times and
 * fire once the portal reinstalls).
 *
 * Lost wake-ups: with `includeLost`, a run marked longer than `requeueAfterMs` ago that has not
 * moved and that no wake-up job still carries (the job was dropped) is enqueued again. A job that
 * failed for good stays in the queue's table for operators to see, and its runs are not retried
 * in a loop. That scan reads the runs handed to the queue (index `runs_swept_due_at_idx`);
 * workers run it now and then.
 */
import type { Db } from '../../db/prisma';
import { MAX_WAKES_PER_JOB } from '../jobs/definitions/wake-run';

export interface SweepOptions {
  /** The runtime clock's now (virtual in sandbox mode). */
  now: Date;
  limit?: number;
  /**
   * At most this many wake-ups waiting in the queue (default 2000, a few seconds of work): a
   * burst stays in `runs` (ordered by due time) and is fed to the queue in refills as it drains,
   * which keeps the queue's own claim cheap.
   */
  maxQueued?: number;
  /** Most runs per wake-up job (default MAX_WAKES_PER_JOB). */
  maxPerJob?: number;
  /** Also look for marked runs whose wake-up job was lost. */
  includeLost?: boolean;
  requeueAfterMs?: number;
}

/**
 * Marks the `due` runs and hands them to the queue in due order, grouped into `wake-run` jobs of
 * at most $3 runs (both statements that use it pass the batch size as $3), and never fewer than
 * about eight jobs when there are enough runs (so a small sweep still spreads over the workers). A burst then costs the queue one job per group,
 * not one per run: fewer queue round trips, and fewer dead rows in the queue's table, whose
 * build-up between two autovacuums slowed every job fetch as a 100,000-run burst drained.
 * add_jobs does not keep the order of its array, and the queue takes jobs by (priority, run_at,
 * id), so each group's run_at is `now()` less a microsecond per later group: due order holds
 * within a sweep (and after every earlier sweep's jobs, added at an earlier now()).
 * Each job is keyed by its members (`wake:` and the md5 of its `runId:seq` list): adding the very
 * same group again folds into the pending job, and no other group can replace its payload.
 */
const ENQUEUE = `
     marked AS (
       UPDATE runs r SET wake_enqueued_at = now() FROM due WHERE r.id = due.id
       RETURNING r.id, r.seq, r.due_at
     ), numbered AS (
       SELECT id, seq, row_number() OVER (ORDER BY due_at, id) - 1 AS n, count(*) OVER () AS total FROM marked
     ), grouped AS (
       SELECT n / GREATEST(1, LEAST($3::int, ceil(total / 8.0)::int)) AS g,
              json_agg(json_build_object('runId', id, 'seq', seq) ORDER BY n) AS runs,
              md5(string_agg(id::text || ':' || seq, ',' ORDER BY n)) AS members
         FROM numbered GROUP BY 1
     ), added AS (
       SELECT graphile_worker.add_jobs(ARRAY(
         SELECT ROW('wake-run', json_build_object('runs', g.runs), NULL,
                    now() - ((SELECT max(g) FROM grouped) - g.g) * interval '1 microsecond',
                    10, 'wake:' || g.members, 0, NULL)::graphile_worker.job_spec
           FROM grouped g ORDER BY g.g
       )) AS job
     )
     SELECT (SELECT count(*) FROM marked)::int AS n, (SELECT count(*) FROM added)::int AS jobs`;

/** Enqueues up to `limit` due wake-ups; returns how many. */
export async function sweepDueRuns(db: Db, options: SweepOptions): Promise<number> {
  // Wake-ups handed to the queue and not yet fired: runs marked and still due. Read from the
  // small partial index `runs_swept_due_at_idx`, not by counting the queue's table, whose scan
  // grows with the dead rows every finished job leaves (measured: 2 ms → 10 ms per sweep over a
  // 100,000-run burst, between two autovacuums).
  // Only runs marked within the re-enqueue window count: one whose job failed for good (or was
  // lost) must not hold a place in the queue for ever, or enough of them would stop all wake-ups.
  const [queued] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM runs
      WHERE status = 'active' AND due_at IS NOT NULL AND wake_enqueued_at IS NOT NULL AND due_at <= $1
        AND wake_enqueued_at >= now() - make_interval(secs => $2::double precision / 1000)`,
    options.now,
    options.requeueAfterMs ?? 60_000,
  );
  const maxQueued = options.maxQueued ?? 2000;
  const waiting = queued?.n ?? 0;
  // Refill only once the queue is down to half: topping it up after every finished job would
  // keep one connection busy sweeping a handful of runs at a time (measured: ~90% of the time).
  if (waiting > maxQueued / 2) return 0;
  const limit = Math.min(options.limit ?? 5000, maxQueued - waiting);
  if (limit === 0) return 0;
  const fresh = await db.$queryRawUnsafe<{ n: number }[]>(
    `WITH due AS (
       SELECT id FROM runs
        WHERE status = 'active' AND due_at IS NOT NULL AND wake_enqueued_at IS NULL AND due_at <= $1
          AND EXISTS (SELECT 1 FROM installations i WHERE i.portal_id = runs.portal_id AND i.status = 'active')
        ORDER BY due_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED
     ), ${ENQUEUE}`,
    options.now,
    limit,
    options.maxPerJob ?? MAX_WAKES_PER_JOB,
  );
  let count = fresh[0]?.n ?? 0;
  if (options.includeLost && count < limit) {
    const lost = await db.$queryRawUnsafe<{ n: number }[]>(
      `WITH due AS (
         SELECT id FROM runs
          WHERE status = 'active' AND due_at IS NOT NULL AND wake_enqueued_at IS NOT NULL AND due_at <= $1
          AND EXISTS (SELECT 1 FROM installations i WHERE i.portal_id = runs.portal_id AND i.status = 'active')
            AND wake_enqueued_at < now() - make_interval(secs => $4::double precision / 1000)
            AND NOT EXISTS (
              SELECT 1 FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
               WHERE k.identifier = 'wake-run'
                 AND (j.payload::jsonb -> 'runs' @> jsonb_build_array(jsonb_build_object('runId', runs.id, 'seq', runs.seq))
                      OR j.payload::jsonb @> jsonb_build_object('runId', runs.id, 'seq', runs.seq)))
          ORDER BY due_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       ), ${ENQUEUE}`,
      options.now,
      limit - count,
      options.maxPerJob ?? MAX_WAKES_PER_JOB,
      options.requeueAfterMs ?? 60_000,
    );
    count += lost[0]?.n ?? 0;
  }
  return count;
}
