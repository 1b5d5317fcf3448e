/**
 * Statements on `workflow_action_executions`: one row per HubSpot custom-action execution,
 * unique per (portal, callbackId). `claimExecution` is the idempotency gate: the first request
 * inserts the row and acts; a retried (or concurrent) one gets the existing row and answers
 * from it, so it never enrols or completes a callback twice.
 */
import type { Sql } from './sql';

export type WorkflowActionKind = 'check-entry' | 'run-contract' | 'declare-exit';
export type ExecutionState = 'answered' | 'blocked' | 'completing' | 'completed';

export interface ExecutionRow {
  id: string;
  portal_id: bigint;
  callback_id: string;
  action: WorkflowActionKind;
  flow_id: string | null;
  object_type: string;
  record_id: string;
  request: unknown;
  state: ExecutionState;
  contract_key: string | null;
  run_id: string | null;
  outputs: Record<string, string> | null;
  outcome: string | null;
  created_at: Date;
  completed_at: Date | null;
}

export interface NewExecution {
  portalId: bigint;
  callbackId: string;
  action: WorkflowActionKind;
  flowId: string | null;
  objectType: string;
  recordId: string;
  request: unknown;
  state: ExecutionState;
  contractKey?: string | null;
  outputs?: Record<string, string> | null;
  outcome?: string | null;
}

const COLUMNS = `id, portal_id, callback_id, action, flow_id, object_type, record_id, request, state, contract_key, run_id, outputs, outcome, created_at, completed_at`;

/** Inserts the execution, or returns the one already stored for this callbackId (`fresh: false`). */
export async function claimExecution(sql: Sql, row: NewExecution): Promise<{ fresh: boolean; row: ExecutionRow }> {
  const inserted = await sql.query<ExecutionRow>(
    `INSERT INTO workflow_action_executions (id, portal_id, callback_id, action, flow_id, object_type, record_id, request, state, contract_key, outputs, outcome)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7::jsonb, $8, $9, $10::jsonb, $11)
     ON CONFLICT (portal_id, callback_id) DO NOTHING
     RETURNING ${COLUMNS}`,
    [
      row.portalId.toString(), row.callbackId, row.action, row.flowId, row.objectType, row.recordId,
      JSON.stringify(row.request), row.state, row.contractKey ?? null,
      row.outputs ? JSON.stringify(row.outputs) : null, row.outcome ?? null,
    ],
  );
  if (inserted[0]) return { fresh: true, row: inserted[0] };
  const existing = await sql.query<ExecutionRow>(
    `SELECT ${COLUMNS} FROM workflow_action_executions WHERE portal_id = $1 AND callback_id = $2`,
    [row.portalId.toString(), row.callbackId],
  );
  return { fresh: false, row: existing[0]! };
}

/** Links a blocked run-contract execution to the run it started. */
export async function linkExecutionRun(sql: Sql, id: string, runId: string): Promise<void> {
  await sql.query(`UPDATE workflow_action_executions SET run_id = $2::uuid WHERE id = $1::uuid`, [id, runId]);
}

/** A still-blocked execution gets the outputs its callback completes with; returns whether it did. */
export async function markCompleting(sql: Sql, id: string, outputs: Record<string, string>, outcome: string): Promise<boolean> {
  const rows = await sql.query<{ id: string }>(
    `UPDATE workflow_action_executions SET state = 'completing', outputs = $2::jsonb, outcome = $3
      WHERE id = $1::uuid AND state = 'blocked' RETURNING id`,
    [id, JSON.stringify(outputs), outcome],
  );
  return rows.length > 0;
}

/**
 * Inside a run's exit transaction: every execution blocked on this run moves to `completing`
 * with the exit as its outputs (returned, so the caller enqueues one completion job each).
 */
export async function completeBlockedOnRun(
  sql: Sql,
  runId: string,
  exit: { exitId: string; outcome: string; reason: string },
): Promise<string[]> {
  const outputs = { exitId: exit.exitId, outcome: exit.outcome, reason: exit.reason };
  const rows = await sql.query<{ id: string }>(
    `UPDATE workflow_action_executions SET state = 'completing', outputs = $2::jsonb, outcome = $3
      WHERE run_id = $1::uuid AND state = 'blocked' RETURNING id`,
    [runId, JSON.stringify(outputs), exit.outcome],
  );
  return rows.map((r) => r.id);
}

export async function executionById(sql: Sql, id: string): Promise<ExecutionRow | undefined> {
  const rows = await sql.query<ExecutionRow>(`SELECT ${COLUMNS} FROM workflow_action_executions WHERE id = $1::uuid`, [id]);
  return rows[0];
}

/** HubSpot accepted the completion (or had already accepted it). */
export async function markCompleted(sql: Sql, id: string, at: Date): Promise<void> {
  await sql.query(
    `UPDATE workflow_action_executions SET state = 'completed', completed_at = $2 WHERE id = $1::uuid AND state = 'completing'`,
    [id, at],
  );
}

/** A record's native-workflow action executions, newest first (record panel, tests). */
export async function executionsForRecord(sql: Sql, portalId: bigint, objectType: string, recordId: string): Promise<ExecutionRow[]> {
  return sql.query<ExecutionRow>(
    `SELECT ${COLUMNS} FROM workflow_action_executions WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 ORDER BY created_at DESC`,
    [portalId.toString(), objectType, recordId],
  );
}

/** Links the execution to its run and, if that run has already exited, moves it to `completing` in the same statement. */
export async function linkRunAndCompleteIfExited(sql: Sql, id: string, runId: string): Promise<boolean> {
  await linkExecutionRun(sql, id, runId);
  const rows = await sql.query<{ id: string }>(
    `UPDATE workflow_action_executions e
        SET state = 'completing', outcome = r.exit_outcome,
            outputs = jsonb_build_object('exitId', r.exit_id, 'outcome', r.exit_outcome, 'reason', coalesce(r.exit_reason, ''))
       FROM runs r
      WHERE e.id = $1::uuid AND r.id = $2::uuid AND r.status = 'exited' AND e.state = 'blocked'
      RETURNING e.id`,
    [id, runId],
  );
  return rows.length > 0;
}
