/**
 * Worker liveness, for crash safety. graphile-worker 0.17 only releases the jobs of a worker
 * that died after a fixed four hours (`locked_at < now() - interval '4 hours'`, not
 * configurable). So every worker process keeps a row in `worker_heartbeats` with the queue
 * worker ids it runs and refreshes it every few seconds; any process that finds a row older
 * than the timeout calls `graphile_worker.force_unlock_workers` for those ids (their jobs run
 * again at once, on any worker) and deletes the row. A job that runs again is safe: every job
 * is fenced by the run's `seq` and every external write by its idempotency key.
 */
import type { Db } from '../../db/prisma';

/** Milliseconds without a heartbeat after which a worker process counts as dead. */
export const DEFAULT_DEAD_AFTER_MS = 20_000;

export async function beat(db: Db, processId: string, workerIds: readonly string[]): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO worker_heartbeats (id, worker_ids, last_seen_at) VALUES ($1, $2::text[], now())
     ON CONFLICT (id) DO UPDATE SET worker_ids = EXCLUDED.worker_ids, last_seen_at = now()`,
    processId,
    [...workerIds],
  );
}

export async function removeHeartbeat(db: Db, processId: string): Promise<void> {
  await db.$executeRawUnsafe(`DELETE FROM worker_heartbeats WHERE id = $1`, processId);
}

/**
 * Releases the jobs of dead worker processes; returns the process ids reaped. A process is dead
 * when its heartbeat is older than `deadAfterMs`: its row is deleted (the DELETE … RETURNING
 * decides which reaper acts, so two never both do). Then every queue lock older than
 * `deadAfterMs` held by a worker id that no live process claims is released, which also covers
 * a process killed before its first heartbeat named its worker ids.
 */
export async function reapDeadWorkers(db: Db, deadAfterMs = DEFAULT_DEAD_AFTER_MS): Promise<string[]> {
  const dead = await db.$queryRawUnsafe<{ id: string }[]>(
    `DELETE FROM worker_heartbeats
      WHERE last_seen_at < now() - make_interval(secs => $1::double precision / 1000)
      RETURNING id`,
    deadAfterMs,
  );
  await db.$executeRawUnsafe(
    `SELECT graphile_worker.force_unlock_workers(ARRAY(
       SELECT DISTINCT j.locked_by FROM graphile_worker.jobs j
        WHERE j.locked_by IS NOT NULL
          AND j.locked_at < now() - make_interval(secs => $1::double precision / 1000)
          AND NOT EXISTS (SELECT 1 FROM worker_heartbeats h WHERE j.locked_by = ANY(h.worker_ids))))`,
    deadAfterMs,
  );
  return dead.map((r) => r.id);
}
