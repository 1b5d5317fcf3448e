/**
 * Statements on `native_workflow_exits`: the exit states native HubSpot workflows declare for a
 * record through "Declare exit state". One row per (portal, callbackId), so a retried request
 * records one exit.
 */
import type { Sql } from './sql';

export interface NativeExitRow {
  portal_id: bigint;
  object_type: string;
  record_id: string;
  flow_id: string | null;
  workflow_exit: string;
  lane_released: string | null;
  callback_id: string;
  at: Date;
}

export async function insertNativeExit(
  sql: Sql,
  row: { portalId: bigint; objectType: string; recordId: string; flowId: string | null; workflowExit: string; laneReleased: string | null; callbackId: string; at: Date },
): Promise<boolean> {
  const inserted = await sql.query<{ id: string }>(
    `INSERT INTO native_workflow_exits (id, portal_id, object_type, record_id, flow_id, workflow_exit, lane_released, callback_id, at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (portal_id, callback_id) DO NOTHING RETURNING id`,
    [row.portalId.toString(), row.objectType, row.recordId, row.flowId, row.workflowExit, row.laneReleased, row.callbackId, row.at],
  );
  return inserted.length > 0;
}

export async function nativeExitsForRecord(sql: Sql, portalId: bigint, objectType: string, recordId: string): Promise<NativeExitRow[]> {
  return sql.query<NativeExitRow>(
    `SELECT portal_id, object_type, record_id, flow_id, workflow_exit, lane_released, callback_id, at
       FROM native_workflow_exits WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 ORDER BY at DESC`,
    [portalId.toString(), objectType, recordId],
  );
}

/** Each flow of the portal that has declared exit states, with the names it used (the audit). */
export async function declaredExitsByFlow(sql: Sql, portalId: bigint): Promise<Map<string, string[]>> {
  const rows = await sql.query<{ flow_id: string; exits: string[] }>(
    `SELECT flow_id, array_agg(DISTINCT workflow_exit ORDER BY workflow_exit) AS exits
       FROM native_workflow_exits WHERE portal_id = $1 AND flow_id IS NOT NULL GROUP BY flow_id`,
    [portalId.toString()],
  );
  return new Map(rows.map((r) => [r.flow_id, r.exits]));
}

/**
 * Releases the record's active holding of `lane` when the run holding it was started by this
 * native workflow ("Run a Waymark contract"); a lane held by anything else is left alone.
 * Returns whether a holding was released.
 */
export async function releaseLaneHeldForFlow(
  sql: Sql,
  input: { portalId: bigint; lane: string; objectType: string; recordId: string; flowId: string | null; at: Date },
): Promise<boolean> {
  if (!input.flowId) return false;
  const rows = await sql.query<{ id: bigint }>(
    `UPDATE lane_holdings h SET released_at = $6
      WHERE h.portal_id = $1 AND h.lane = $2 AND h.object_type = $3 AND h.record_id = $4 AND h.released_at IS NULL
        AND EXISTS (SELECT 1 FROM workflow_action_executions e
                     WHERE e.portal_id = h.portal_id AND e.run_id = h.run_id AND e.flow_id = $5)
      RETURNING h.id`,
    [input.portalId.toString(), input.lane, input.objectType, input.recordId, input.flowId, input.at],
  );
  return rows.length > 0;
}
