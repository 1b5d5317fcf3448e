/**
 * Enrolls one record in one contract: the engine's entry decision (filter, shared state,
 * re-enrollment, lanes, priority), then the database's word on races. Every outcome leaves a
 * decision-log row: accepted (with the run), rejected by the entry decision (with its reason),
 * or rejected because a concurrent enrollment won the run or the lane.
 *
 * Preemption: when the verdict names lane holders to preempt, each leaves through its
 * `preempted` exit first (its lanes are released in that transaction); then this run starts,
 * already entered into its first step (run/start-entered-run.ts).
 * If another enrollment takes the lane in between, the unique index refuses this one and the
 * refusal is logged.
 */
import { PREEMPTED_EXIT } from '../../contracts';
import type { Decision, RecordSnapshot, SharedState } from '../../engine/types';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { portalContext } from '../store/portal-context';
import { readRecordStates, recordKeyString } from '../store/record-states';
import { latestSignalId } from '../store/record-signals';
import { loadSharedStates } from '../store/shared-state';
import { writeDecisions, type DecisionRow } from '../store/write-decisions';
import { startEnteredRun } from './start-entered-run';
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
  /** The newest record-signal id the run should count as seen (loaded when absent). */
  signalCursor?: bigint;
  /** Rejections go here when given (the caller writes them in bulk), else straight to the log. */
  rejections?: DecisionRow[];
}

export type EnrollOutcome =
  | { enrolled: true; runId: string; lanes: readonly string[]; priority: number; preempted: number }
  | { enrolled: false; reason: string };

function summary(decisions: readonly Decision[]): Record<string, unknown> {
  return { decisions: decisions.map((d) => ({ kind: d.kind, outcome: d.outcome, reason: d.reason, inputs: d.inputs })) };
}

export async function enrollRecord(deps: RuntimeDeps, input: EnrollInput): Promise<EnrollOutcome> {
  const now = deps.clock.now();
  const { portalId, live, objectType, recordId } = input;
  const key = { objectType, recordId };
  const record =
    input.record ?? recordSnapshot(objectType, recordId, (await readRecordStates(sqlOf(deps), portalId, [key])).get(recordKeyString(key)));
  let shared = input.shared ?? (await loadSharedStates(sqlOf(deps), portalId, [key], now)).get(recordKeyString(key))!;
  const portal = await portalContext(sqlOf(deps), portalId);
  const verdict = deps.engine.evaluateEntry({ contract: live.contract, record, shared, portal, via: input.via, now });
  const scope = { portalId, objectType, recordId, contractKey: live.key, actor: input.actor ?? null };
  const reject = async (rows: DecisionRow[]) => {
    if (input.rejections) input.rejections.push(...rows);
    else await writeDecisions(sqlOf(deps), rows);
  };
  if (!verdict.accepted) {
    await reject(verdict.decisions.map((decision) => ({ ...scope, decision })));
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
  if (verdict.preempt.length > 0) shared = (await loadSharedStates(sqlOf(deps), portalId, [key], now)).get(recordKeyString(key))!;
  const started = await startEnteredRun(deps, {
    portalId,
    live,
    objectType,
    recordId,
    lanes: verdict.lanes,
    priority: verdict.priority,
    record,
    shared,
    portal,
    signalCursor: input.signalCursor ?? (await latestSignalId(sqlOf(deps), portalId, objectType, recordId)),
    now,
    actor: input.actor,
    enrollment: { reason: verdict.reason, inputs: { via: input.via.kind, version: live.version, ...summary(verdict.decisions) } },
  });
  if (!started.started) {
    const reason =
      started.conflict === 'lane'
        ? `another run took a lane of ${live.key} (${verdict.lanes.join(', ')}) at the same moment`
        : `the record already has an active ${live.key} run`;
    await reject([
      { ...scope, decision: { kind: 'entry', outcome: 'rejected', reason, inputs: { conflict: started.conflict }, at: now, contractKey: live.key } },
    ]);
    return { enrolled: false, reason };
  }
  return { enrolled: true, runId: started.runId, lanes: verdict.lanes, priority: verdict.priority, preempted: verdict.preempt.length };
}
