/**
 * A run's lease: who may perform its external writes right now. Held only around a write
 * (an action step or an exit's effects), never across waits.
 *
 * A lease is free when nobody holds it, when it expired, or when the process that holds it is
 * no longer alive (its `worker_heartbeats` row is gone, see worker/heartbeat.ts). So after a
 * worker is killed mid-write, another worker takes the lease within the heartbeat timeout and,
 * because the attempt row still says `running`, asks the CRM whether the write landed before
 * writing again (see actions/perform-attempt.ts).
 *
 * Owners are `<processId>/<what>/<nonce>`, unique per holder: re-taking a lease one already holds
 * (`lease_owner = $2`) is only possible for that very holder.
 */
import type { Db } from '../../db/prisma';

/** Longer than any single CRM call may take. */
export const LEASE_MS = 120_000;

export async function acquireRunLease(db: Db, runId: string, owner: string, processId: string): Promise<boolean> {
  const rows = await db.$queryRawUnsafe<{ id: string }[]>(
    `UPDATE runs SET lease_owner = $2, lease_expires_at = now() + make_interval(secs => $4::double precision / 1000)
      WHERE id = $1::uuid AND (
        lease_owner IS NULL OR lease_owner = $2 OR lease_expires_at < now()
        OR (split_part(lease_owner, '/', 1) <> $3
            AND NOT EXISTS (SELECT 1 FROM worker_heartbeats h WHERE h.id = split_part(runs.lease_owner, '/', 1))))
      RETURNING id`,
    runId,
    owner,
    processId,
    LEASE_MS,
  );
  return rows.length === 1;
}

export async function releaseRunLease(db: Db, runId: string, owner: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE runs SET lease_owner = NULL, lease_expires_at = NULL WHERE id = $1::uuid AND lease_owner = $2`,
    runId,
    owner,
  );
}
