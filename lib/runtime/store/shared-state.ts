/**
 * Answers the shared-state questions of entry filters and conditions (`inContract`, `inLane`,
 * `completed`) from the state store, for many records in one round trip.
 */
import type { SharedState } from '../../engine/types';
import { recordKeyString, type RecordKey } from './record-states';
import type { Sql } from './sql';

/** How far back `completed` looks (the longest `within` a contract can reasonably ask). */
const COMPLETED_LOOKBACK_MS = 400 * 24 * 3600 * 1000;

/** A record's shared state with lists the caller may extend (a batch keeps it current as it enrolls). */
export type LoadedSharedState = { [K in keyof SharedState]: SharedState[K][number][] };

export async function loadSharedStates(sql: Sql, portalId: bigint, keys: readonly RecordKey[], now: Date): Promise<Map<string, LoadedSharedState>> {
  const result = new Map<string, LoadedSharedState>();
  for (const k of keys) result.set(recordKeyString(k), { activeRuns: [], heldLanes: [], completed: [] });
  if (keys.length === 0) return result;
  const types = keys.map((k) => k.objectType);
  const ids = keys.map((k) => k.recordId);
  // Runs and lane holders in one round trip (this is read on every run advance).
  const rows = await sql.query<{
    lane: string | null;
    run_id: string;
    priority: number | null;
    contract_key: string;
    object_type: string;
    record_id: string;
    status: string | null;
    exit_id: string | null;
    exited_at: Date | null;
  }>(
    `SELECT NULL::text AS lane, r.id AS run_id, NULL::int AS priority, r.contract_key, r.object_type, r.record_id,
            r.status::text AS status, r.exit_id, r.exited_at
       FROM runs r JOIN (SELECT DISTINCT t, i FROM unnest($2::text[], $3::text[]) AS u(t, i)) u
         ON r.object_type = u.t AND r.record_id = u.i
      WHERE r.portal_id = $1 AND (r.status = 'active' OR r.exited_at >= $4)
     UNION ALL
     SELECT l.lane, l.run_id, l.priority, r.contract_key, l.object_type, l.record_id, NULL, NULL, NULL
       FROM lane_holdings l JOIN runs r ON r.id = l.run_id
       JOIN (SELECT DISTINCT t, i FROM unnest($2::text[], $3::text[]) AS u(t, i)) u
         ON l.object_type = u.t AND l.record_id = u.i
      WHERE l.portal_id = $1 AND l.released_at IS NULL`,
    [portalId, types, ids, new Date(now.getTime() - COMPLETED_LOOKBACK_MS)],
  );
  for (const row of rows) {
    const entry = result.get(recordKeyString({ objectType: row.object_type, recordId: row.record_id }));
    if (!entry) continue;
    if (row.lane !== null) entry.heldLanes.push({ lane: row.lane, contractKey: row.contract_key, runId: row.run_id, priority: row.priority ?? 0 });
    else if (row.status === 'active') entry.activeRuns.push({ contractKey: row.contract_key, runId: row.run_id });
    else if (row.exit_id && row.exited_at) entry.completed.push({ contractKey: row.contract_key, exitId: row.exit_id, exitedAt: row.exited_at });
  }
  return result;
}
