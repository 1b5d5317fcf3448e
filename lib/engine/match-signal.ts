/**
 * Does a signal satisfy a goal or a waitFor arm? Both share one shape: `{ event: E }` (a named
 * event, or `property_changed` with `property`) or `{ when: C }` (a condition on the record
 * after the change).
 */
import type { Condition, WaitEvent } from '../contracts/schema';
import { evaluateCondition, type ConditionContext } from './evaluate-condition';
import { describeSignal } from './match-trigger';
import type { Signal } from './types';

/** The part of a goal or waitFor arm that says what it waits for. */
export interface SignalSpec {
  when?: Condition;
  event?: WaitEvent;
  property?: string;
}

/** Whether it matched, what was looked at, and in words. */
export interface SignalMatch {
  matched: boolean;
  inputs: Record<string, unknown>;
  fact: string;
}

/** Matches a spec against a signal (or, with no signal, a `when` against the record as it is). */
export function matchSignal(spec: SignalSpec, signal: Signal | undefined, ctx: ConditionContext): SignalMatch {
  if (spec.event !== undefined) {
    if (!signal) return { matched: false, inputs: { event: spec.event }, fact: `no ${spec.event} yet` };
    const matched =
      spec.event === 'property_changed'
        ? signal.kind === 'property_changed' && signal.property === spec.property
        : signal.kind === 'event' && signal.name === spec.event;
    const what = spec.event === 'property_changed' ? `${spec.property} changed` : spec.event;
    return { matched, inputs: { event: spec.event, property: spec.property, signal: describeSignal(signal) }, fact: matched ? what : `not ${what}` };
  }
  if (spec.when !== undefined) {
    const result = evaluateCondition(spec.when, ctx);
    return { matched: result.result, inputs: { condition: result.inputs, ...(signal ? { signal: describeSignal(signal) } : {}) }, fact: result.fact };
  }
  return { matched: false, inputs: {}, fact: 'waits for nothing' };
}
