/**
 * Turns due runs into wake-up jobs. graphile-worker's `run_at` is wall-clock time, but a run's
 * `due_at` is on the runtime clock (which sandbox mode can fast-forward), so due wake-ups are
 * found here, from `runs.due_at`, rather than scheduled in the queue ahead of time.
 *
 * Concurrency: several workers sweep at once. `FOR UPDATE SKIP LOCKED` lets each claim a
 * disjoint slice; `wake_enqueued_at` marks a run as handed to the queue so the next sweep does
 * not enqueue it again, unless `requeueAfterMs` has passed without the run moving and its job
 * is gone (lost, or failed for good), in which case it is enqueued again. A wake-up still
 * waiting in the queue is left where it is, so a long burst keeps its order. Duplicates are harmless: wake-run is fenced by
 * `seq`, and the job key folds a still-pending duplicate into one job. Jobs are added in due
 * order, so they start in the order they fell due.
 */
import type { Db } from '../../db/prisma';

export interface SweepOptions {
  /** The runtime clock's now (virtual in sandbox mode). */
  now: Date;
  limit?: number;
  requeueAfterMs?: number;
}

/** Enqueues up to `limit` due wake-ups; returns how many. */
export async function sweepDueRuns(db: Db, options: SweepOptions): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ n: number }[]>(
    `WITH due AS (
       SELECT id FROM runs
        WHERE status = 'active' AND due_at IS NOT NULL AND due_at <= $1
          AND (wake_enqueued_at IS NULL
               OR (wake_enqueued_at < now() - make_interval(secs => $3::double precision / 1000)
                   AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'wake:' || runs.id || ':' || runs.seq)))
        ORDER BY due_at
        LIMIT $2
        FOR UPDATE SKIP LOCKED
     ), marked AS (
       UPDATE runs r SET wake_enqueued_at = now() FROM due WHERE r.id = due.id
       RETURNING r.id, r.seq, r.due_at
     ), added AS (
       SELECT graphile_worker.add_jobs(ARRAY(
         SELECT ROW('wake-run', json_build_object('runId', m.id, 'seq', m.seq), NULL, NULL, 10,
                    'wake:' || m.id || ':' || m.seq, 0, NULL)::graphile_worker.job_spec
           FROM marked m ORDER BY m.due_at, m.id
       )) AS job
     )
     SELECT count(*)::int AS n FROM added`,
    options.now,
    options.limit ?? 2000,
    options.requeueAfterMs ?? 60_000,
  );
  return rows[0]?.n ?? 0;
}
