/**
 * Enrolls one record in one contract: the engine's entry decision (filter, shared state,
 * re-enrollment, lanes, priority), then the database's word on races. Every outcome leaves a
 * decision-log row: accepted (with the run), rejected by the entry decision (with its reason),
 * or rejected because a concurrent enrollment won the run or the lane.
 *
 * Preemption: when the verdict names lane holders to preempt, each leaves through its
 * `preempted` exit first (its lanes are released in that transaction); then this run starts.
 * If another enrollment takes the lane in between, the unique index refuses this one and the
 * refusal is logged.
 */
import { PREEMPTED_EXIT } from '../../contracts';
import type { Decision, RecordSnapshot, SharedState } from '../../engine/types';
import type { RuntimeDeps } from '../runtime-deps';
import { portalContext } from '../store/portal-context';
import { readRecordStates, recordKeyString } from '../store/record-states';
import { latestSignalId } from '../store/record-signals';
import { loadSharedStates } from '../store/shared-state';
import { startRun } from '../store/start-run';
import { writeDecisions } from '../store/write-decisions';
import { advanceRun } from './advance-run';
import type { EntryVia, LiveContract } from './engine-port';
import { recordSnapshot } from './record-snapshot';

export interface EnrollInput {
  portalId: bigint;
  live: LiveContract;
  objectType: string;
  recordId: string;
  via: EntryVia;
  actor?: string | null;
  /** Already loaded by the caller (batch processing); loaded here when absent. */
  record?: RecordSnapshot;
  shared?: SharedState;
}

export type EnrollOutcome = { enrolled: true; runId: string } | { enrolled: false; reason: string };

function summary(decisions: readonly Decision[]): Record<string, unknown> {
  return { decisions: decisions.map((d) => ({ kind: d.kind, outcome: d.outcome, reason: d.reason, inputs: d.inputs })) };
}

export async function enrollRecord(deps: RuntimeDeps, input: EnrollInput): Promise<EnrollOutcome> {
  const now = deps.clock.now();
  const { portalId, live, objectType, recordId } = input;
  const key = { objectType, recordId };
  const record =
    input.record ?? recordSnapshot(objectType, recordId, (await readRecordStates(deps.db, portalId, [key])).get(recordKeyString(key)));
  const shared = input.shared ?? (await loadSharedStates(deps.db, portalId, [key], now)).get(recordKeyString(key))!;
  const portal = await portalContext(deps.db, portalId);
  const verdict = deps.engine.evaluateEntry({ contract: live.contract, record, shared, portal, via: input.via, now });
  const scope = { portalId, objectType, recordId, contractKey: live.key, actor: input.actor ?? null };
  if (!verdict.accepted) {
    await writeDecisions(deps.db, verdict.decisions.map((decision) => ({ ...scope, decision })));
    return { enrolled: false, reason: verdict.reason };
  }
  for (const holder of verdict.preempt) {
    await advanceRun(
      deps,
      holder.runId,
      { kind: 'end', exitId: PREEMPTED_EXIT, reason: `preempted by ${live.key} (higher priority)`, actor: input.actor ?? undefined },
      { actor: input.actor },
    );
  }
  const signalCursor = await latestSignalId(deps.db, portalId, objectType, recordId);
  const started = await startRun(deps.db, {
    portalId,
    contractId: live.contractId,
    contractVersionId: live.versionId,
    contractKey: live.key,
    objectType,
    recordId,
    firstStepId: live.contract.steps[0]!.id,
    lanes: verdict.lanes,
    priority: verdict.priority,
    at: now,
    dueAt: now,
    signalCursor,
    decision: { reason: verdict.reason, inputs: { via: input.via.kind, version: live.version, ...summary(verdict.decisions) }, actor: input.actor ?? undefined },
  });
  if (!started.started) {
    const reason =
      started.conflict === 'lane'
        ? `another run took a lane of ${live.key} (${verdict.lanes.join(', ')}) at the same moment`
        : `the record already has an active ${live.key} run`;
    await writeDecisions(deps.db, [
      { ...scope, decision: { kind: 'entry', outcome: 'rejected', reason, inputs: { conflict: started.conflict, index: started.index }, at: now, contractKey: live.key } },
    ]);
    return { enrolled: false, reason };
  }
  await advanceRun(deps, started.runId, { kind: 'start' }, { expectedSeq: 0, actor: input.actor });
  return { enrolled: true, runId: started.runId };
}
