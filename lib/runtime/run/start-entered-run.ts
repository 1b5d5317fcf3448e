/**
 * Starts a run already positioned on its first step: the engine's `start` is computed first
 * (in memory, on the run as it will be inserted), then the run row, its lanes, the enrollment
 * decision and the start's own outcome (position, due time, decisions, action attempts and
 * their jobs) are written together in one statement (store/insert-entered-run.ts). The partial
 * unique indexes decide races: a losing enrollment gets a typed conflict and leaves nothing
 * behind.
 */
import { randomUUID } from 'node:crypto';
import type { Decision, PortalContext, RecordSnapshot, RunSnapshot, SharedState, StepResult } from '../../engine/types';
import { uniqueViolation } from '../../db/unique-violation';
import type { RuntimeDeps } from '../runtime-deps';
import { insertEnteredRun } from '../store/insert-entered-run';
import { withPgTransaction } from '../store/sql';
import type { RunRow } from '../store/run-rows';
import { applyStepResult } from './apply-step-result';
import type { LiveContract } from './engine-port';

export interface StartEnteredInput {
  portalId: bigint;
  live: LiveContract;
  objectType: string;
  recordId: string;
  lanes: readonly string[];
  priority: number;
  record: RecordSnapshot;
  shared: SharedState;
  portal: PortalContext;
  signalCursor: bigint;
  now: Date;
  actor?: string | null;
  /** The enrollment decision (kind `enroll`, outcome `accepted`). */
  enrollment: { reason: string; inputs: Record<string, unknown> };
}

export type StartEnteredResult = { started: true; runId: string } | { started: false; conflict: 'active-run' | 'lane' };

export async function startEnteredRun(deps: RuntimeDeps, input: StartEnteredInput): Promise<StartEnteredResult> {
  const { live, now } = input;
  const runId = randomUUID();
  const firstStepId = live.contract.steps[0]!.id;
  const fresh: RunSnapshot = {
    runId,
    contractKey: live.key,
    version: live.version,
    currentStepId: firstStepId,
    startedAt: now,
    stepEnteredAt: now,
    dueAt: null,
    seq: 0,
    state: { visits: {} },
  };
  const result = deps.engine.step({
    run: fresh,
    contract: live.contract,
    record: input.record,
    shared: input.shared,
    portal: input.portal,
    input: { kind: 'start' },
    now,
    recentSignals: [],
  });
  // The log's enrollment row (kind `enroll`, the shell's own word beside the engine's kinds).
  const enrolled = { kind: 'enroll', outcome: 'accepted', reason: input.enrollment.reason, inputs: input.enrollment.inputs, at: now, contractKey: live.key } as unknown as Decision;
  try {
    const exit = result.commands.find((c) => c.type === 'exit');
    if (exit) {
      // A run that ends on entering (rare): the general path, which also records the exit.
      await startThenApply(deps, input, runId, firstStepId, result, enrolled);
    } else {
      await insertEnteredRun(deps.sql, {
        portalId: input.portalId,
        contractId: live.contractId,
        versionId: live.versionId,
        contractKey: live.key,
        objectType: input.objectType,
        recordId: input.recordId,
        run: result.run,
        startedAt: now,
        signalCursor: input.signalCursor,
        lanes: input.lanes,
        priority: input.priority,
        decisions: [enrolled, ...result.decisions],
        actions: result.commands.flatMap((c) => (c.type === 'perform-action' ? [c] : [])),
        actor: input.actor,
      });
    }
    return { started: true, runId };
  } catch (error) {
    const violation = uniqueViolation(error);
    if (!violation) throw error;
    return { started: false, conflict: violation.index?.startsWith('lane_holdings') ? 'lane' : 'active-run' };
  }
}

async function startThenApply(
  deps: RuntimeDeps,
  input: StartEnteredInput,
  runId: string,
  firstStepId: string,
  result: StepResult,
  enrolled: Decision,
): Promise<void> {
  const { live, now } = input;
  await withPgTransaction(deps.sql, async (tx, executor) => {
    await tx.query(
      `INSERT INTO runs (id, portal_id, contract_id, contract_version_id, contract_key, object_type, record_id, status,
                         current_step_id, seq, due_at, state, started_at, signal_cursor, updated_at)
       VALUES ($1::uuid, $2, $3::uuid, $4::uuid, $5, $6, $7, 'active', $8, 0, $9, '{}', $9, $10, now())`,
      [runId, input.portalId.toString(), live.contractId, live.versionId, live.key, input.objectType, input.recordId, firstStepId, now, input.signalCursor.toString()],
    );
    if (input.lanes.length > 0) {
      await tx.query(
        `INSERT INTO lane_holdings (portal_id, lane, object_type, record_id, run_id, priority, acquired_at)
         SELECT $1, lane, $2, $3, $4::uuid, $5, $6 FROM unnest($7::text[]) AS lane`,
        [input.portalId.toString(), input.objectType, input.recordId, runId, input.priority, now, [...input.lanes]],
      );
    }
    const row: RunRow = {
      id: runId,
      portal_id: input.portalId,
      contract_id: live.contractId,
      contract_version_id: live.versionId,
      contract_key: live.key,
      object_type: input.objectType,
      record_id: input.recordId,
      status: 'active',
      current_step_id: firstStepId,
      seq: 0,
      due_at: now,
      state: {},
      started_at: now,
      signal_cursor: input.signalCursor,
      exit_id: null,
    };
    await applyStepResult(tx, executor, row, { ...result, decisions: [enrolled, ...result.decisions] }, { now, actor: input.actor });
  });
}
