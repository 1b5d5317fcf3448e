/**
 * Moving a run to a step or exit, and what each step kind does on entry:
 *
 * - `wait`: stores its due time (business hours in the portal's time zone if asked) and stops;
 * - `action`: asks the shell to perform the action with an idempotency key from (run, step,
 *   visit) and stops until the result comes back. A stage write refused by a monotonic stage
 *   policy is logged and the step is *skipped* (the run follows `next`): the record already
 *   stands at a later stage, which is what the policy protects, so this is not a failure;
 * - `branch`: the first arm whose condition holds wins, else `else`; instant;
 * - `waitFor`: first looks at signals that arrived since the run entered the step it is leaving
 *   (oldest first) and at `when` arms against the record as it is; if nothing matches it stores
 *   its timeout and stops.
 *
 * Instant steps chain; more than `maxStepsPerAdvance` (default 100) of them without the run
 * stopping to wait, in one advance or across several (an action whose `onFailure` leads back to
 * itself loops one advance at a time), ends the run through `system:instant-loop`. The linter
 * forbids such cycles; this is the runtime's guard.
 */
import { addIsoDuration, parseIsoDuration, stepKind, type ActionStep, type BranchStep, type Step, type WaitForStep, type WaitStep } from '../contracts/schema';
import { addBusinessDuration } from './business-hours';
import { evaluateCondition } from './evaluate-condition';
import { matchSignal } from './match-signal';
import { conditionContext, decide, scheduleWake, type RunCursor } from './run-cursor';
import { signalKey } from './signal-key';
import { judgeStageWrite } from './stage-guard';
import { systemExit, takeExit } from './take-exit';
import { isValidTimeZone } from './time-zone';
import type { Signal } from './types';

const DEFAULT_MAX_STEPS = 100;

/** Moves the run to the step or exit named `targetId`. */
export function goTo(cur: RunCursor, targetId: string, reason: string, inputs: Record<string, unknown> = {}): void {
  const step = cur.args.contract.steps.find((s) => s.id === targetId);
  if (step) return enterStep(cur, step);
  if (cur.args.contract.exits.some((e) => e.id === targetId)) return takeExit(cur, targetId, reason, inputs);
  systemExit(cur, 'system:invalid-reference', `${reason} Nothing is named '${targetId}'.`, inputs);
}

/** The idempotency key of an action step on its current visit. */
export function actionKey(runId: string, stepId: string, visit: number): string {
  return `${runId}:${stepId}:${visit}`;
}

function enterStep(cur: RunCursor, step: Step): void {
  const max = cur.args.maxStepsPerAdvance ?? DEFAULT_MAX_STEPS;
  cur.stepsEntered += 1;
  cur.run.state.stepsSinceWait = (cur.run.state.stepsSinceWait ?? 0) + 1;
  if (cur.stepsEntered > max || cur.run.state.stepsSinceWait > max) {
    return systemExit(cur, 'system:instant-loop', `More than ${max} steps without waiting; stopped at ${step.id}.`, { stepId: step.id, stepsSinceWait: cur.run.state.stepsSinceWait });
  }
  const { now } = cur.args;
  cur.run.currentStepId = step.id;
  cur.run.stepEnteredAt = now;
  cur.run.seq += 1;
  cur.run.state.visits[step.id] = (cur.run.state.visits[step.id] ?? 0) + 1;
  cur.run.dueAt = null;
  cur.commands.push({ type: 'enter-step', stepId: step.id, at: now });
  switch (stepKind(step)) {
    case 'wait':
      return enterWait(cur, step as WaitStep);
    case 'action':
      return enterAction(cur, step as ActionStep);
    case 'branch':
      return enterBranch(cur, step as BranchStep);
    case 'waitFor':
      return enterWaitFor(cur, step as WaitForStep);
  }
}

/**
 * When a wait step entered at `enteredAt` is due; `due` is undefined when no date can hold it
 * (a duration over the 100-year maximum, published before the linter refused those). The caller
 * then ends the run through `system:unschedulable` instead of storing a wake-up it cannot keep.
 */
export function waitDue(cur: RunCursor, step: WaitStep, enteredAt: Date): { due: Date | undefined; inputs: Record<string, unknown> } {
  const duration = parseIsoDuration(step.wait);
  if (!step.businessHours) return { due: realDate(duration && addIsoDuration(enteredAt, duration)), inputs: { wait: step.wait, businessHours: false } };
  const zone = cur.args.portal.timeZone;
  const timeZone = isValidTimeZone(zone) ? zone : 'UTC';
  const inputs = { wait: step.wait, businessHours: true, timeZone, ...(timeZone !== zone ? { unknownTimeZone: zone } : {}) };
  return { due: realDate(duration && safely(() => addBusinessDuration(enteredAt, duration, timeZone))), inputs };
}

/** When a waitFor entered at `enteredAt` times out (`undefined` without a usable timeout). */
export function waitForTimeoutAt(step: WaitForStep, enteredAt: Date): Date | undefined {
  const timeout = parseIsoDuration(step.timeout);
  return realDate(timeout && addIsoDuration(enteredAt, timeout));
}

/** True when a waitFor has a timeout text but no date can hold its timeout. */
export function waitForUnschedulable(step: WaitForStep, enteredAt: Date): boolean {
  return step.timeout !== undefined && waitForTimeoutAt(step, enteredAt) === undefined;
}

function realDate(date: Date | undefined): Date | undefined {
  return date && Number.isFinite(date.getTime()) ? date : undefined;
}

function safely(compute: () => Date): Date | undefined {
  try {
    return compute();
  } catch {
    return undefined;
  }
}

/** Ends the run: the step's due time cannot be represented, so it could never wake. */
export function exitUnschedulable(cur: RunCursor, stepId: string, field: string, text: string): void {
  systemExit(cur, 'system:unschedulable', `Step ${stepId} has ${field} ${text}, whose due time no date can hold; the run cannot be scheduled.`, { stepId, [field]: text });
}

function enterWait(cur: RunCursor, step: WaitStep): void {
  const { due, inputs } = waitDue(cur, step, cur.args.now);
  if (!due) return exitUnschedulable(cur, step.id, 'wait', step.wait);
  scheduleWake(cur, due, 'wait');
  cur.run.state.stepsSinceWait = 0;
  const hours = step.businessHours ? ` in business hours (${inputs.timeZone as string})` : '';
  decide(cur, 'wait', 'scheduled', `Waiting ${step.wait}${hours}, until ${due.toISOString()}.`, { ...inputs, dueAt: due.toISOString() }, step.id);
}

function enterAction(cur: RunCursor, step: ActionStep): void {
  const input = step.with as Record<string, unknown>;
  const verdict = judgeStageWrite(cur.args.contract, cur.args.portal, cur.args.record, step.action, input);
  if (verdict?.refused) {
    decide(cur, 'stage-refused', 'refused', `${verdict.reason} Step ${step.id} is skipped.`, verdict.inputs, step.id);
    return goTo(cur, step.next, `Skipped ${step.id}.`);
  }
  const visit = cur.run.state.visits[step.id] ?? 1;
  const idempotencyKey = actionKey(cur.run.runId, step.id, visit);
  cur.commands.push({ type: 'perform-action', stepId: step.id, action: step.action, with: input, idempotencyKey });
  // No step due time while the action runs; the run's time limit still applies.
  scheduleWake(cur, undefined, 'wait');
  decide(cur, 'action', 'requested', `Performing ${step.action}.`, { action: step.action, with: input, idempotencyKey }, step.id);
}

function enterBranch(cur: RunCursor, step: BranchStep): void {
  const ctx = conditionContext(cur);
  const tried: Record<string, unknown>[] = [];
  const missed: string[] = [];
  for (const [index, arm] of step.branch.entries()) {
    const result = evaluateCondition(arm.when, ctx);
    tried.push({ arm: index, next: arm.next, result: result.result, inputs: result.inputs });
    if (result.result) {
      decide(cur, 'branch', 'taken', `Took arm ${index + 1} to ${arm.next}: ${result.fact}.`, { arms: tried }, step.id);
      return goTo(cur, arm.next, `Branch ${step.id} chose ${arm.next}: ${result.fact}.`);
    }
    missed.push(result.fact);
  }
  const facts = missed.length === 0 ? 'no arms' : missed.join('; ');
  decide(cur, 'branch', 'else', `No arm matched (${facts}); took else to ${step.else}.`, { arms: tried }, step.id);
  goTo(cur, step.else, `Branch ${step.id} took else (${facts}).`);
}

function enterWaitFor(cur: RunCursor, step: WaitForStep): void {
  // "Since the step began" is judged on the runtime clock (observedAt), the clock run times use;
  // HubSpot's occurredAt is wall-clock and only orders what happened.
  const since = cur.args.run.stepEnteredAt.getTime();
  const early = (cur.args.recentSignals ?? [])
    .filter((s) => (s.observedAt ?? s.occurredAt).getTime() >= since && !cur.consumed.has(signalKey(s)))
    .sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  // Early signals can only satisfy event arms; `when` arms are judged on the record as it is now.
  for (const signal of early) {
    if (resolveWaitFor(cur, step, signal, 'arrived before the wait began', true)) return;
  }
  if (resolveWaitFor(cur, step, undefined, 'already true when the wait began')) return;
  if (waitForUnschedulable(step, cur.args.now)) return exitUnschedulable(cur, step.id, 'timeout', step.timeout);
  const timeoutAt = waitForTimeoutAt(step, cur.args.now);
  scheduleWake(cur, timeoutAt, 'timeout');
  cur.run.state.stepsSinceWait = 0;
  const waitsFor = step.waitFor.map((arm) => arm.event ?? 'condition').join(', ');
  decide(cur, 'wait-for', 'waiting', `Waiting for ${waitsFor} until ${timeoutAt?.toISOString() ?? 'no timeout'}.`, { timeout: step.timeout, timeoutAt: timeoutAt?.toISOString() ?? null }, step.id);
}

/**
 * Tries the arms of a waitFor against one signal (or, without one, the `when` arms against the
 * record). The first matching arm wins; returns whether one did.
 */
export function resolveWaitFor(cur: RunCursor, step: WaitForStep, signal: Signal | undefined, note?: string, eventArmsOnly = false): boolean {
  const ctx = conditionContext(cur, signal);
  for (const [index, arm] of step.waitFor.entries()) {
    // Without a signal only `when` arms can match; an early signal is offered to event arms only.
    const skip = signal ? eventArmsOnly && arm.event === undefined : arm.when === undefined;
    if (skip) continue;
    const match = matchSignal(arm, signal, ctx);
    if (!match.matched) continue;
    if (signal) cur.consumed.add(signalKey(signal));
    const why = `${match.fact}${note ? ` (${note})` : ''}`;
    decide(cur, 'wait-for', 'matched', `Arm ${index + 1} matched: ${why}; going to ${arm.next}.`, { arm: index, ...match.inputs }, step.id);
    goTo(cur, arm.next, `${step.id} resolved: ${why}.`);
    return true;
  }
  return false;
}
