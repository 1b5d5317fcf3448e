/**
 * Persists what the engine decided for a run, inside the transaction that holds the run's row
 * lock: the new position, due time, seq and bookkeeping; the decisions; an attempt row and a
 * keyed job for every action; and, on exit, the exit itself, the released lanes and the exit's
 * effects as pending attempts with one keyed apply-exit job. Committing all of it together is
 * what makes a crash at any point either "not happened yet" or "fully recorded".
 */
import type { StepResult } from '../../engine/types';
import { enqueue, type SqlExecutor } from '../../queue/enqueue';
import { applyExitJob, applyExitKey } from '../jobs/definitions/apply-exit';
import { completeWorkflowCallbackJob, completeWorkflowCallbackKey } from '../jobs/definitions/complete-workflow-callback';
import { performActionJob, performActionKey } from '../jobs/definitions/perform-action';
import { attemptJson } from '../store/insert-entered-run';
import { runStateJson, type RunRow } from '../store/run-rows';
import type { Sql } from '../store/sql';
import { completeBlockedOnRun } from '../store/workflow-action-executions';
import { scoped, writeDecisions } from '../store/write-decisions';

export interface ApplyOptions {
  now: Date;
  actor?: string | null;
  /** Highest record-signal id this advance consumed. */
  signalCursor?: bigint;
}

/** The attempt-row step id of an exit's effects. */
export const exitStepId = (exitId: string) => `exit:${exitId}`;

const INSERT_ATTEMPTS = `INSERT INTO action_attempts (portal_id, run_id, step_id, idempotency_key, kind, request, updated_at)
  SELECT $1, $2::uuid, a->>'stepId', a->>'key', a->>'kind', a->'request', now()
    FROM jsonb_array_elements($3::jsonb) WITH ORDINALITY AS x(a, n) ORDER BY n
  ON CONFLICT (idempotency_key) DO NOTHING`;

export async function applyStepResult(sql: Sql, executor: SqlExecutor, row: RunRow, result: StepResult, options: ApplyOptions): Promise<void> {
  const { now } = options;
  const run = result.run;
  const exit = result.commands.find((c) => c.type === 'exit');
  const dueAt = exit ? null : (run.dueAt ?? null);
  const dueChanged = (dueAt?.getTime() ?? null) !== (row.due_at?.getTime() ?? null);
  await sql.query(
    `UPDATE runs SET current_step_id = $2, seq = $3, due_at = $4, state = $5::jsonb,
        wake_enqueued_at = CASE WHEN $6 THEN NULL ELSE wake_enqueued_at END,
        signal_cursor = GREATEST(signal_cursor, $7::bigint),
        status = $8::"RunStatus", exit_id = $9, exit_outcome = $10, exit_reason = $11, exited_at = $12,
        updated_at = now()
      WHERE id = $1::uuid`,
    [
      row.id,
      run.currentStepId,
      run.seq,
      dueAt,
      runStateJson(run),
      dueChanged,
      (options.signalCursor ?? 0n).toString(),
      exit ? 'exited' : 'active',
      exit?.exitId ?? null,
      exit?.outcome ?? null,
      exit?.reason ?? null,
      exit ? now : null,
    ],
  );

  const scope = { portalId: row.portal_id, objectType: row.object_type, recordId: row.record_id, runId: row.id, contractKey: row.contract_key, actor: options.actor ?? null };
  await writeDecisions(sql, scoped(scope, result.decisions));

  const actions = result.commands.flatMap((c) => (c.type === 'perform-action' ? [c] : []));
  if (actions.length > 0) {
    await sql.query(INSERT_ATTEMPTS, [row.portal_id.toString(), row.id, JSON.stringify(actions.map((c) => attemptJson(c.stepId, c)))]);
    for (const command of actions) {
      await enqueue(
        executor,
        performActionJob,
        { runId: row.id, seq: run.seq, stepId: command.stepId, idempotencyKey: command.idempotencyKey },
        { jobKey: performActionKey(command.idempotencyKey), mode: 'unsafe_dedupe', maxAttempts: 25 },
      );
    }
  }

  if (exit) {
    // Lanes are released in the same transaction as the exit, before any effect runs, so a
    // handoff effect finds the record free of this run.
    await sql.query(`UPDATE lane_holdings SET released_at = $2 WHERE run_id = $1::uuid AND released_at IS NULL`, [row.id, now]);
    if (exit.effects.length > 0) {
      const data = exit.effects.map((e) => attemptJson(exitStepId(exit.exitId), e));
      await sql.query(INSERT_ATTEMPTS, [row.portal_id.toString(), row.id, JSON.stringify(data)]);
    }
    await enqueue(executor, applyExitJob, { runId: row.id }, { jobKey: applyExitKey(row.id), mode: 'unsafe_dedupe', maxAttempts: 25 });
    // A native workflow blocked on this run ("Run a Waymark contract and wait") resumes with the
    // exit: the completion is recorded and queued with the exit itself, so it cannot be lost.
    for (const executionId of await completeBlockedOnRun(sql, row.id, exit)) {
      await enqueue(executor, completeWorkflowCallbackJob, { executionId }, { jobKey: completeWorkflowCallbackKey(executionId), mode: 'unsafe_dedupe', maxAttempts: 25 });
    }
  }
}
