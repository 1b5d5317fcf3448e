/**
 * Turns due runs into wake-up jobs. graphile-worker's `run_at` is wall-clock time, but a run's
 * `due_at` is on the runtime clock (which sandbox mode can fast-forward), so due wake-ups are
 * found here, from `runs.due_at`, rather than scheduled in the queue ahead of time.
 *
 * Concurrency: several workers sweep at once. `FOR UPDATE SKIP LOCKED` lets each claim a
 * disjoint slice; `wake_enqueued_at` marks a run as handed to the queue so the next sweep does
 * not enqueue it again (the partial index `runs_unswept_due_at_idx` holds only unmarked runs,
 * so a sweep costs its slice, however large the burst). Jobs are added in due order, so they
 * start in the order they fell due. Duplicates are harmless: wake-run is fenced by `seq`, and
 * the job key folds a still-pending duplicate into one job.
 *
 * Portals without an active installation are skipped (their runs keep their due times and
 * fire once the portal reinstalls).
 *
 * Lost wake-ups: with `includeLost`, a run marked longer than `requeueAfterMs` ago that has not
 * moved and whose job is gone (dropped, or failed for good) is enqueued again. That scan reads
 * the runs handed to the queue (index `runs_swept_due_at_idx`); workers run it now and then.
 */
import type { Db } from '../../db/prisma';

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
  /** Also look for marked runs whose wake-up job was lost. */
  includeLost?: boolean;
  requeueAfterMs?: number;
}

const ENQUEUE = `
     marked AS (
       UPDATE runs r SET wake_enqueued_at = now() FROM due WHERE r.id = due.id
       RETURNING r.id, r.seq, r.due_at
     ), added AS (
       SELECT graphile_worker.add_jobs(ARRAY(
         SELECT ROW('wake-run', json_build_object('runId', m.id, 'seq', m.seq), NULL, NULL, 10,
                    'wake:' || m.id || ':' || m.seq, 0, NULL)::graphile_worker.job_spec
           FROM marked m ORDER BY m.due_at, m.id
       )) AS job
     )
     SELECT count(*)::int AS n FROM added`;

/** Enqueues up to `limit` due wake-ups; returns how many. */
export async function sweepDueRuns(db: Db, options: SweepOptions): Promise<number> {
  const [queued] = await db.$queryRawUnsafe<{ n: number }[]>(
    `SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'wake-run' AND locked_at IS NULL AND attempts = 0`,
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
  );
  let count = fresh[0]?.n ?? 0;
  if (options.includeLost && count < limit) {
    const lost = await db.$queryRawUnsafe<{ n: number }[]>(
      `WITH due AS (
         SELECT id FROM runs
          WHERE status = 'active' AND due_at IS NOT NULL AND wake_enqueued_at IS NOT NULL AND due_at <= $1
          AND EXISTS (SELECT 1 FROM installations i WHERE i.portal_id = runs.portal_id AND i.status = 'active')
            AND wake_enqueued_at < now() - make_interval(secs => $3::double precision / 1000)
            AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'wake:' || runs.id || ':' || runs.seq)
          ORDER BY due_at
          LIMIT $2
          FOR UPDATE SKIP LOCKED
       ), ${ENQUEUE}`,
      options.now,
      limit - count,
      options.requeueAfterMs ?? 60_000,
    );
    count += lost[0]?.n ?? 0;
  }
  return count;
}
