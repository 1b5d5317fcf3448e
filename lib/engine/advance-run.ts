/**
 * The step interpreter: `(run, contract version, record, shared state, input, now) → commands
 * and decisions`. Pure and deterministic; the live runtime and the simulator both call it.
 *
 * What each input does:
 * - `start`: enters the first step.
 * - `wake`: ends the run if `limits.maxDuration` has passed (through `system:max-duration`,
 *   which notifies the owner); otherwise a due `wait` follows `next` and a timed-out `waitFor`
 *   follows `onTimeout`. An early or stale wake-up only re-stores the due time.
 * - `signal`: a deleted or merged record ends the run; then goals are checked whatever the step
 *   (the first matching goal ends the run at once, even mid-wait or mid-action); then a current
 *   `waitFor` takes the first arm the signal satisfies. Anything else changes nothing.
 * - `action-result`: the current action step follows `next` on success, `onFailure` on a
 *   permanent failure. A result for another step or visit is stale and ignored.
 * - `end`: ends the run through a named exit (preemption, a person, retiring a contract).
 *
 * The result's `run` is the run after the advance; `seq` grows by one per step entered, so the
 * shell can write it with a compare-and-set on the `seq` it read.
 */
import { PREEMPTED_EXIT, stepKind, type ActionStep, type WaitForStep, type WaitStep } from '../contracts/schema';
import { changedProperties } from './changed-properties';
import { actionKey, exitUnschedulable, goTo, resolveWaitFor, waitDue, waitForTimeoutAt, waitForUnschedulable } from './enter-step';
import { matchSignal } from './match-signal';
import { conditionContext, decide, openCursor, runDeadline, scheduleWake, type AdvanceArgs, type RunCursor } from './run-cursor';
import { signalKey } from './signal-key';
import { systemExit, takeExit } from './take-exit';
import type { RunInput, Signal, StepResult } from './types';
import { ownValue } from './own-value';

export type { AdvanceArgs } from './run-cursor';

/** Advances a run by one input (see the module header). */
export function advanceRun(args: AdvanceArgs): StepResult {
  const cur = openCursor(args);
  const { input } = args;
  if (input.kind !== 'start') completeBaseline(cur, input.kind === 'signal' ? input.signal : undefined);
  switch (input.kind) {
    case 'start':
      onStart(cur);
      break;
    case 'wake':
      onWake(cur);
      break;
    case 'signal':
      onSignal(cur, input.signal);
      break;
    case 'action-result':
      onActionResult(cur, input);
      break;
    case 'end':
      onEnd(cur, input);
      break;
  }
  return { run: cur.run, status: cur.status, commands: cur.commands, decisions: cur.decisions };
}

function onStart(cur: RunCursor): void {
  const first = cur.args.contract.steps[0];
  if (!first) return systemExit(cur, 'system:invalid-reference', 'The contract has no steps.');
  const watched = changedProperties(cur.args.contract);
  if (watched.length > 0) {
    cur.run.state.baseline = Object.fromEntries(watched.map((p) => [p, ownValue(cur.args.record.properties, p) ?? null]));
  }
  goTo(cur, first.id, 'Run started.');
}

/**
 * A run whose version watches a property its baseline lacks (it was migrated to a version that
 * tests a new property with `changed: true`) takes the value it sees now, or the value before
 * the current signal changed it, as that property's baseline: "changed" then means changed since
 * Waymark began watching it on this run. Values, never HubSpot's timestamps, are compared: those
 * are on another clock than the run's (a fast-forwarded sandbox clock, for one).
 */
function completeBaseline(cur: RunCursor, signal: Signal | undefined): void {
  const missing = changedProperties(cur.args.contract).filter((p) => !Object.hasOwn(cur.run.state.baseline ?? {}, p));
  if (missing.length === 0) return;
  const before = (p: string) =>
    signal?.kind === 'property_changed' && signal.property === p && signal.from !== undefined ? signal.from : (ownValue(cur.args.record.properties, p) ?? null);
  cur.run.state.baseline = { ...cur.run.state.baseline, ...Object.fromEntries(missing.map((p) => [p, before(p)])) };
}

function overDeadline(cur: RunCursor): boolean {
  const deadline = runDeadline(cur);
  if (!deadline || deadline.getTime() > cur.args.now.getTime()) return false;
  const limit = cur.args.contract.limits?.maxDuration;
  systemExit(cur, 'system:max-duration', `The run started ${cur.run.startedAt.toISOString()} and its maxDuration ${limit} ended ${deadline.toISOString()}.`, {
    maxDuration: limit,
    deadline: deadline.toISOString(),
    stepId: cur.run.currentStepId,
  });
  return true;
}

function currentStep(cur: RunCursor) {
  return cur.args.contract.steps.find((s) => s.id === cur.run.currentStepId);
}

function onWake(cur: RunCursor): void {
  if (overDeadline(cur)) return;
  const step = currentStep(cur);
  if (!step) return systemExit(cur, 'system:invalid-reference', `The run is at '${cur.run.currentStepId}', which this version does not have.`);
  const now = cur.args.now.getTime();
  const kind = stepKind(step);
  if (kind === 'wait') {
    const { due, inputs } = waitDue(cur, step as WaitStep, cur.run.stepEnteredAt);
    if (!due) return exitUnschedulable(cur, step.id, 'wait', (step as WaitStep).wait);
    if (due.getTime() > now) return scheduleWake(cur, due, 'wait');
    decide(cur, 'wait', 'elapsed', `Waited ${(step as WaitStep).wait} (due ${due.toISOString()}).`, { ...inputs, dueAt: due.toISOString() }, step.id);
    return goTo(cur, (step as WaitStep).next, `Wait ${step.id} elapsed.`);
  }
  if (kind === 'waitFor') {
    const waitFor = step as WaitForStep;
    if (waitForUnschedulable(waitFor, cur.run.stepEnteredAt)) return exitUnschedulable(cur, step.id, 'timeout', waitFor.timeout);
    const timeoutAt = waitForTimeoutAt(waitFor, cur.run.stepEnteredAt);
    if (!timeoutAt || timeoutAt.getTime() > now) return scheduleWake(cur, timeoutAt, 'timeout');
    decide(cur, 'wait-for', 'timed-out', `Nothing matched within ${waitFor.timeout} (timed out ${timeoutAt.toISOString()}); going to ${waitFor.onTimeout}.`, { timeout: waitFor.timeout, timeoutAt: timeoutAt.toISOString() }, step.id);
    return goTo(cur, waitFor.onTimeout, `${step.id} timed out after ${waitFor.timeout}.`);
  }
  // An action in flight (or a stale wake-up): keep only the time limit.
  if (kind === 'action') scheduleWake(cur, undefined, 'wait');
}

function onSignal(cur: RunCursor, signal: Extract<RunInput, { kind: 'signal' }>['signal']): void {
  if (signal.kind === 'deleted') return systemExit(cur, 'system:record-deleted', 'The record was deleted in HubSpot.', { eventIds: signal.eventIds });
  if (signal.kind === 'merged') return systemExit(cur, 'system:record-merged', `The record was merged into ${signal.into}.`, { into: signal.into, eventIds: signal.eventIds });
  if (overDeadline(cur)) return;
  // The live signal is also among the stored recent signals; a waitFor entered after it must
  // not use it a second time.
  cur.consumed.add(signalKey(signal));
  const ctx = conditionContext(cur, signal);
  for (const [index, goal] of (cur.args.contract.goals ?? []).entries()) {
    const match = matchSignal(goal, signal, ctx);
    if (!match.matched) continue;
    decide(cur, 'goal', 'reached', `Goal ${index + 1} reached (${match.fact}) at step ${cur.run.currentStepId}; exiting through ${goal.exit}.`, { goal: index, ...match.inputs }, cur.run.currentStepId);
    return takeExit(cur, goal.exit, `Goal reached: ${match.fact}.`, { goal: index });
  }
  const step = currentStep(cur);
  if (step && stepKind(step) === 'waitFor') resolveWaitFor(cur, step as WaitForStep, signal);
}

function onActionResult(cur: RunCursor, input: Extract<RunInput, { kind: 'action-result' }>): void {
  const step = currentStep(cur);
  const current = step && stepKind(step) === 'action' ? (step as ActionStep) : undefined;
  const key = current ? actionKey(cur.run.runId, current.id, cur.run.state.visits[current.id] ?? 1) : undefined;
  if (!current || current.id !== input.stepId || (input.idempotencyKey !== undefined && input.idempotencyKey !== key)) {
    decide(cur, 'action', 'ignored', `A result for ${input.stepId} arrived while the run is at ${cur.run.currentStepId}; ignored as stale.`, { ...input });
    return;
  }
  if (input.outcome === 'succeeded') {
    decide(cur, 'action', 'succeeded', `${current.action} succeeded.`, { idempotencyKey: key }, current.id);
    return goTo(cur, current.next, `${current.id} succeeded.`);
  }
  const error = input.error ?? 'no detail';
  decide(cur, 'action', 'failed', `${current.action} failed for good (${error}); following onFailure to ${current.onFailure}.`, { idempotencyKey: key, error }, current.id);
  goTo(cur, current.onFailure, `${current.id} failed: ${error}.`, { error });
}

function onEnd(cur: RunCursor, input: Extract<RunInput, { kind: 'end' }>): void {
  const declared = cur.args.contract.exits.some((e) => e.id === input.exitId);
  if (!declared && input.exitId !== PREEMPTED_EXIT) {
    decide(cur, 'exit', 'refused', `The contract has no exit named '${input.exitId}'; the run continues.`, { exitId: input.exitId, actor: input.actor ?? null });
    return;
  }
  takeExit(cur, input.exitId, input.reason, { actor: input.actor ?? null, stepId: cur.run.currentStepId });
}
