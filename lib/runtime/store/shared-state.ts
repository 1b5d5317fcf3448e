/**
 * Answers the shared-state questions of entry filters and conditions (`inContract`, `inLane`,
 * `completed`) from the state store, for many records in one round trip each.
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
  const runs = await sql.query<
    { id: string; contract_key: string; object_type: string; record_id: string; status: string; exit_id: string | null; exited_at: Date | null }
  >(
    `SELECT r.id, r.contract_key, r.object_type, r.record_id, r.status, r.exit_id, r.exited_at
       FROM runs r JOIN (SELECT DISTINCT t, i FROM unnest($2::text[], $3::text[]) AS u(t, i)) u
         ON r.object_type = u.t AND r.record_id = u.i
      WHERE r.portal_id = $1 AND (r.status = 'active' OR r.exited_at >= $4)`,
    [portalId, types, ids, new Date(now.getTime() - COMPLETED_LOOKBACK_MS)],
  );
  for (const r of runs) {
    const entry = result.get(recordKeyString({ objectType: r.object_type, recordId: r.record_id }));
    if (!entry) continue;
    if (r.status === 'active') entry.activeRuns.push({ contractKey: r.contract_key, runId: r.id });
    else if (r.exit_id && r.exited_at) entry.completed.push({ contractKey: r.contract_key, exitId: r.exit_id, exitedAt: r.exited_at });
  }
  const lanes = await sql.query<
    { lane: string; run_id: string; priority: number; contract_key: string; object_type: string; record_id: string }
  >(
    `SELECT l.lane, l.run_id, l.priority, r.contract_key, l.object_type, l.record_id
       FROM lane_holdings l JOIN runs r ON r.id = l.run_id
       JOIN (SELECT DISTINCT t, i FROM unnest($2::text[], $3::text[]) AS u(t, i)) u
         ON l.object_type = u.t AND l.record_id = u.i
      WHERE l.portal_id = $1 AND l.released_at IS NULL`,
    [portalId, types, ids],
  );
  for (const l of lanes) {
    result.get(recordKeyString({ objectType: l.object_type, recordId: l.record_id }))?.heldLanes.push({
      lane: l.lane,
      contractKey: l.contract_key,
      runId: l.run_id,
      priority: l.priority,
    });
  }
  return result;
}
