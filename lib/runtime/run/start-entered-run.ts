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
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { insertEnteredRun, type EnteredRunRow } from '../store/insert-entered-run';
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
      await startThenApply(deps, input, fresh, result, enrolled);
    } else {
      await insertEnteredRun(sqlOf(deps), {
        ...enteredRow(input),
        run: result.run,
        decisions: [enrolled, ...result.decisions],
        actions: result.commands.flatMap((c) => (c.type === 'perform-action' ? [c] : [])),
      });
    }
    return { started: true, runId };
  } catch (error) {
    const violation = uniqueViolation(error);
    if (!violation) throw error;
    return { started: false, conflict: violation.index?.startsWith('lane_holdings') ? 'lane' : 'active-run' };
  }
}

/** The parts of the run row that do not depend on the engine's start. */
function enteredRow(input: StartEnteredInput): Omit<EnteredRunRow, 'run' | 'decisions' | 'actions'> {
  return {
    portalId: input.portalId,
    contractId: input.live.contractId,
    versionId: input.live.versionId,
    contractKey: input.live.key,
    objectType: input.objectType,
    recordId: input.recordId,
    startedAt: input.now,
    signalCursor: input.signalCursor,
    lanes: input.lanes,
    priority: input.priority,
    actor: input.actor,
  };
}

/**
 * Inserts the run as it was before its start (with its lanes), then records the start's outcome
 * through applyStepResult, in one transaction.
 */
async function startThenApply(deps: RuntimeDeps, input: StartEnteredInput, fresh: RunSnapshot, result: StepResult, enrolled: Decision): Promise<void> {
  const { live, now } = input;
  await withPgTransaction(deps.sql, async (tx, executor) => {
    await insertEnteredRun(tx, { ...enteredRow(input), run: fresh, decisions: [], actions: [] });
    const row: RunRow = {
      id: fresh.runId,
      portal_id: input.portalId,
      contract_id: live.contractId,
      contract_version_id: live.versionId,
      contract_key: live.key,
      object_type: input.objectType,
      record_id: input.recordId,
      status: 'active',
      current_step_id: fresh.currentStepId,
      seq: fresh.seq,
      due_at: null,
      state: {},
      started_at: now,
      signal_cursor: input.signalCursor,
      exit_id: null,
    };
    await applyStepResult(tx, executor, row, { ...result, decisions: [enrolled, ...result.decisions] }, { now, actor: input.actor });
  });
}
