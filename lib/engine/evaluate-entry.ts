/**
 * Entry evaluation: may this record start a run of this contract now? Checked in this order,
 * so the first reason a person reads is the most basic one:
 *
 * 1. one active run per record per contract (the database enforces it too);
 * 2. re-enrollment policy over the record's ended runs of the contract: `never` (default),
 *    `after_exit`, or `{ after: P30D }` counted from the last exit;
 * 3. the entry filter, including shared-state tests (`inLane`, `inContract`, `completed`);
 * 4. lanes: a lane held by another run is `skip` (rejected, default), or with `preempt` the
 *    holder is preempted only when this contract's priority is strictly higher than every
 *    holder's. The decision names the holders to preempt; the shell ends them through their
 *    `preempted` exits and takes the lanes (the database's unique index settles races).
 *
 * Every outcome is a decision with the inputs it used and, for a rejection, the reason in
 * plain words.
 */
import { addIsoDuration, parseIsoDuration, type Contract } from '../contracts/schema';
import { evaluateCondition } from './evaluate-condition';
import { describeSignal } from './match-trigger';
import type { Decision, LaneHolder, PortalContext, RecordSnapshot, SharedState, Signal } from './types';

/** What entry evaluation needs. */
export interface EntryArgs {
  contract: Contract;
  record: RecordSnapshot;
  shared: SharedState;
  portal: PortalContext;
  now: Date;
  /** The signal that triggered (its changed property counts for `changed: true`). */
  signal?: Signal;
}

/** Which check rejected an enrollment. */
export type EntryRule = 'active-run' | 'reenroll' | 'filter' | 'lane-busy';

/** The answer: enroll (taking lanes, maybe preempting holders) or reject with a reason. */
export type EntryDecision =
  | { enroll: true; lanes: string[]; priority: number; preempt: LaneHolder[]; decision: Decision }
  | { enroll: false; rule: EntryRule; reason: string; decision: Decision };

/** Decides entry for one record (see the module header). */
export function evaluateEntry(args: EntryArgs): EntryDecision {
  const { contract, record, shared, now, signal } = args;
  const inputs: Record<string, unknown> = { record: { objectType: record.objectType, recordId: record.recordId } };
  if (signal) inputs.signal = describeSignal(signal);
  const reject = (rule: EntryRule, reason: string): EntryDecision => ({
    enroll: false,
    rule,
    reason,
    decision: { kind: 'entry', outcome: 'rejected', reason, inputs: { ...inputs, rule }, at: now, contractKey: contract.key },
  });

  const active = shared.activeRuns.find((run) => run.contractKey === contract.key);
  inputs.activeRun = active?.runId ?? null;
  if (active) return reject('active-run', `The record already has an active run of ${contract.key} (${active.runId}).`);

  const reenroll = checkReenroll(contract, shared, now);
  inputs.reenroll = reenroll.inputs;
  if (reenroll.blocked) return reject('reenroll', reenroll.blocked);

  const filter = evaluateCondition(contract.entry.filter, {
    record,
    shared,
    now,
    stagePolicy: contract.stagePolicy,
    stageOrders: args.portal.stageOrders,
    changed: signal?.kind === 'property_changed' ? [signal.property] : [],
  });
  inputs.filter = filter.inputs;
  if (!filter.result) return reject('filter', `Entry filter not met: ${filter.fact}.`);

  const lanes = contract.entry.lanes ?? [];
  const priority = contract.entry.priority ?? 0;
  const onLaneBusy = contract.entry.onLaneBusy ?? 'skip';
  const holders = shared.heldLanes.filter((held) => lanes.includes(held.lane));
  inputs.lanes = { wanted: lanes, priority, onLaneBusy, holders };
  if (holders.length > 0) {
    const named = holders.map((h) => `'${h.lane}' is held by ${h.contractKey} (priority ${h.priority})`).join('; ');
    if (onLaneBusy === 'skip') return reject('lane-busy', `Lane busy: ${named}; this contract skips busy lanes.`);
    const stronger = holders.filter((h) => h.priority >= priority);
    if (stronger.length > 0) {
      return reject('lane-busy', `Lane busy: ${named}; preempting needs a higher priority than ${priority}.`);
    }
  }
  const preempt = uniqueRuns(holders);
  const reason =
    `Entry filter met: ${filter.fact}.` +
    (preempt.length > 0 ? ` Preempts ${preempt.map((h) => `${h.contractKey} (${h.runId})`).join(', ')} by priority ${priority}.` : '');
  return {
    enroll: true,
    lanes,
    priority,
    preempt,
    decision: { kind: 'entry', outcome: 'enrolled', reason, inputs, at: now, contractKey: contract.key },
  };
}

function checkReenroll(contract: Contract, shared: SharedState, now: Date): { blocked?: string; inputs: Record<string, unknown> } {
  const policy = contract.entry.reenroll ?? 'never';
  const ended = shared.completed.filter((run) => run.contractKey === contract.key).sort((a, b) => b.exitedAt.getTime() - a.exitedAt.getTime());
  const last = ended[0];
  const inputs = { policy, endedRuns: ended.length, lastExit: last ? { exitId: last.exitId, exitedAt: last.exitedAt.toISOString() } : null };
  if (!last || policy === 'after_exit') return { inputs };
  const when = `${last.exitedAt.toISOString()} (${last.exitId})`;
  if (policy === 'never') return { blocked: `The record already ran ${contract.key}, which ended on ${when}; it never re-enrolls.`, inputs };
  const wait = parseIsoDuration(policy.after);
  if (!wait) return { blocked: `Re-enrollment period '${policy.after}' is not a duration.`, inputs };
  const allowedFrom = addIsoDuration(last.exitedAt, wait);
  if (allowedFrom.getTime() > now.getTime()) {
    return { blocked: `The last run of ${contract.key} ended on ${when}; re-enrollment is allowed ${policy.after} later, from ${allowedFrom.toISOString()}.`, inputs };
  }
  return { inputs };
}

/** One entry per holding run (a run may hold several of the wanted lanes). */
function uniqueRuns(holders: LaneHolder[]): LaneHolder[] {
  const seen = new Set<string>();
  return holders.filter((h) => !seen.has(h.runId) && seen.add(h.runId));
}
