/**
 * Moves one run by one input (start, wake, signal, action result, end) through the engine, and
 * persists the outcome. See store/run-rows.ts for the locking and fencing rule: the run's row
 * lock is taken first, then `seq` is compared with what the caller expected, so a wake-up for
 * a run that has already advanced is a no-op and a run never advances twice for one wake-up.
 *
 * The engine also gets the record's stored signals observed (runtime clock) since the run
 * entered its current step, so a `waitFor` entered during this advance sees an event that
 * arrived just before it began (say a reply while the email action was in flight), also on a
 * sandbox clock fast-forwarded past HubSpot's wall-clock `occurredAt`.
 */
import type { RunInput } from '../../engine/types';
import type { RuntimeDeps } from '../runtime-deps';
import { versionContract } from '../store/contract-versions';
import { portalContext } from '../store/portal-context';
import { signalsSince } from '../store/record-signals';
import { readRecordStates, recordKeyString } from '../store/record-states';
import { lockRun, runSnapshot } from '../store/run-rows';
import { loadSharedStates } from '../store/shared-state';
import { withPgTransaction } from '../store/sql';
import { applyStepResult } from './apply-step-result';
import { recordSnapshot } from './record-snapshot';

export interface AdvanceOptions {
  /** Only advance when the run's `seq` still equals this (fencing). */
  expectedSeq?: number;
  actor?: string | null;
  /** The record-signal id carried by a `signal` input (the run will not be offered it again). */
  signalId?: bigint;
}

export type AdvanceOutcome =
  | { advanced: true; status: 'active' | 'exited'; stepId: string; seq: number }
  | { advanced: false; reason: 'missing' | 'not-active' | 'stale' | 'not-due' };

export async function advanceRun(deps: RuntimeDeps, runId: string, input: RunInput, options: AdvanceOptions = {}): Promise<AdvanceOutcome> {
  const now = deps.clock.now();
  return withPgTransaction(deps.sql, async (tx, executor): Promise<AdvanceOutcome> => {
    const row = await lockRun(tx, runId);
    if (!row) return { advanced: false, reason: 'missing' };
    if (row.status !== 'active') return { advanced: false, reason: 'not-active' };
    if (options.expectedSeq !== undefined && row.seq !== options.expectedSeq) return { advanced: false, reason: 'stale' };
    if (options.signalId !== undefined && row.signal_cursor >= options.signalId) return { advanced: false, reason: 'stale' };
    if (input.kind === 'wake' && (!row.due_at || row.due_at.getTime() > now.getTime())) return { advanced: false, reason: 'not-due' };
    const { contract, version } = await versionContract(tx, row.contract_version_id);
    const before = runSnapshot(row, version, contract.steps[0]!.id);
    const key = { objectType: row.object_type, recordId: row.record_id };
    // Read on the transaction's own connection: borrowing more pool connections while holding
    // one could starve the pool (every holder waiting for a reader) under load.
    const states = await readRecordStates(tx, row.portal_id, [key]);
    const shared = await loadSharedStates(tx, row.portal_id, [key], now);
    const portal = await portalContext(tx, row.portal_id);
    const recentSignals = await signalsSince(tx, row.portal_id, row.object_type, row.record_id, before.stepEnteredAt);
    const result = deps.engine.step({
      run: before,
      contract,
      record: recordSnapshot(row.object_type, row.record_id, states.get(recordKeyString(key))),
      shared: shared.get(recordKeyString(key)) ?? { activeRuns: [], heldLanes: [], completed: [] },
      portal,
      input,
      now,
      recentSignals,
    });
    await applyStepResult(tx, executor, row, result, { now, actor: options.actor, signalCursor: options.signalId });
    return { advanced: true, status: result.status, stepId: result.run.currentStepId, seq: result.run.seq };
  });
}
