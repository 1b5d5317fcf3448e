/**
 * The working state of one advance of a run: the arguments, the run as it moves, and the
 * commands and decisions collected so far. Step handlers append to it; nothing here does I/O.
 */
import { addIsoDuration, parseIsoDuration, type Contract } from '../contracts/schema';
import type { ConditionContext } from './evaluate-condition';
import type { Command, Decision, DecisionKind, PortalContext, RecordSnapshot, RunInput, RunSnapshot, SharedState, Signal } from './types';

/** Everything one advance of a run needs. */
export interface AdvanceArgs {
  contract: Contract;
  run: RunSnapshot;
  record: RecordSnapshot;
  shared: SharedState;
  portal: PortalContext;
  input: RunInput;
  now: Date;
  /**
   * Signals for this record that the run may not have looked at yet, oldest first. A `waitFor`
   * entered during this advance matches those that occurred since the run entered the step it
   * is leaving, so an event that arrived while an action was in flight is not lost.
   */
  recentSignals?: readonly Signal[];
  /** Bound on steps entered in one advance (instant-loop guard); default 100. */
  maxStepsPerAdvance?: number;
}

/** One advance in progress. */
export interface RunCursor {
  args: AdvanceArgs;
  run: RunSnapshot;
  status: 'active' | 'exited';
  commands: Command[];
  decisions: Decision[];
  stepsEntered: number;
  /** Keys of signals already used in this advance (never used twice; see signal-key.ts). */
  consumed: Set<string>;
}

/** Starts an advance: copies the run so the input is never mutated. */
export function openCursor(args: AdvanceArgs): RunCursor {
  const visits = { ...(args.run.state as Partial<RunSnapshot['state']> | undefined)?.visits };
  return {
    args,
    run: { ...args.run, state: { ...args.run.state, visits } },
    status: 'active',
    commands: [],
    decisions: [],
    stepsEntered: 0,
    consumed: new Set(),
  };
}

/** Appends a decision about the run. */
export function decide(cur: RunCursor, kind: DecisionKind, outcome: string, reason: string, inputs: Record<string, unknown> = {}, stepId?: string): void {
  cur.decisions.push({ kind, outcome, reason, inputs, at: cur.args.now, contractKey: cur.args.contract.key, ...(stepId ? { stepId } : {}) });
}

/** The instant `limits.maxDuration` ends the run, if the contract sets one. */
export function runDeadline(cur: RunCursor): Date | undefined {
  const text = cur.args.contract.limits?.maxDuration;
  const duration = text === undefined ? undefined : parseIsoDuration(text);
  const deadline = duration ? addIsoDuration(cur.run.startedAt, duration) : undefined;
  // A limit no date can hold (over the 100-year maximum) limits nothing; it never becomes a NaN wake-up.
  return deadline && Number.isFinite(deadline.getTime()) ? deadline : undefined;
}

/** Stores the next wake-up: `due`, or the run's deadline when that comes first. */
export function scheduleWake(cur: RunCursor, due: Date | undefined, purpose: 'wait' | 'timeout'): void {
  const deadline = runDeadline(cur);
  const at = deadline && (!due || deadline.getTime() <= due.getTime()) ? deadline : due;
  cur.run.dueAt = at ?? null;
  if (at) cur.commands.push({ type: 'schedule-wake', at, purpose: at === deadline ? 'max-duration' : purpose });
}

/** The condition context inside a run: changes since the run started count as `changed`. */
export function conditionContext(cur: RunCursor, signal?: Signal): ConditionContext {
  const { args } = cur;
  return {
    record: args.record,
    shared: args.shared,
    now: args.now,
    stagePolicy: args.contract.stagePolicy,
    stageOrders: args.portal.stageOrders,
    changed: signal?.kind === 'property_changed' ? [signal.property] : [],
    ...(cur.run.state.baseline ? { changedFrom: cur.run.state.baseline } : {}),
    selfRunId: cur.run.runId,
  };
}
