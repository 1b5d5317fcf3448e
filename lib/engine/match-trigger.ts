/**
 * Trigger matching: which live contract versions does a record signal start? A contract starts
 * only on a signal for its own object type that its trigger names. `handoff` and `manual`
 * contracts never start from a signal: only another contract's `start_contract` exit effect, or
 * a person on the record card, can start them ({@link matchStart}).
 *
 * Besides the matches, "near misses" are decided and explained too (the right property changed,
 * but not to the value the trigger wants), because "why didn't it start?" is the question people
 * ask; signals that have nothing to do with a contract produce no decision at all.
 */
import type { Contract } from '../contracts/schema';
import { quoteValue } from '../contracts/schema';
import { valueEquals } from './compare-values';
import type { Decision, Signal } from './types';

/** A contract version that may start runs. */
export interface LiveContract {
  contract: Contract;
  version: number;
}

/** A decision about one contract and the signal. */
export interface TriggerMatch<T extends LiveContract = LiveContract> {
  candidate: T;
  matched: boolean;
  decision: Decision;
}

/** How a run can be started without a signal. */
export type StartSource = { kind: 'handoff'; fromContract: string; exitId: string } | { kind: 'manual'; actor: string };

/** The matches and near misses for `signal` among `candidates` (in the order given). */
export function matchTriggers<T extends LiveContract>(candidates: readonly T[], signal: Signal, now: Date): TriggerMatch<T>[] {
  const results: TriggerMatch<T>[] = [];
  for (const candidate of candidates) {
    const verdict = judge(candidate.contract, signal);
    if (!verdict) continue;
    results.push({
      candidate,
      matched: verdict.matched,
      decision: {
        kind: 'trigger',
        outcome: verdict.matched ? 'matched' : 'not-matched',
        reason: verdict.reason,
        inputs: { trigger: candidate.contract.trigger, version: candidate.version, signal: describeSignal(signal) },
        at: now,
        contractKey: candidate.contract.key,
      },
    });
  }
  return results;
}

/** Whether `contract` may be started by a handoff or by a person (never by a signal). */
export function matchStart(contract: Contract, source: StartSource, now: Date): { matched: boolean; decision: Decision } {
  const event = contract.trigger.event;
  const matched = event === source.kind;
  const who = source.kind === 'handoff' ? `a handoff from ${source.fromContract} (${source.exitId})` : `${source.actor} from the record card`;
  const reason = matched
    ? `Started by ${who}.`
    : `${contract.key} starts on ${event}, so it cannot be started by ${who}.`;
  return {
    matched,
    decision: { kind: 'trigger', outcome: matched ? 'matched' : 'not-matched', reason, inputs: { trigger: contract.trigger, source }, at: now, contractKey: contract.key },
  };
}

/** `undefined` when the signal has nothing to do with the trigger (no decision worth logging). */
function judge(contract: Contract, signal: Signal): { matched: boolean; reason: string } | undefined {
  if (contract.object !== signal.objectType) return undefined;
  const trigger = contract.trigger;
  switch (trigger.event) {
    case 'record_created':
      return signal.kind === 'created' ? { matched: true, reason: `A ${signal.objectType} was created.` } : undefined;
    case 'association_changed':
      if (signal.kind !== 'association_changed' || signal.toObject !== trigger.toObject) return undefined;
      return signal.removed
        ? { matched: false, reason: `A ${trigger.toObject} association was removed; the trigger wants one added.` }
        : { matched: true, reason: `A ${trigger.toObject} was associated.` };
    case 'property_changed': {
      if (signal.kind !== 'property_changed' || signal.property !== trigger.property) return undefined;
      const shown = (value: string | null) => (value === null || value === '' ? 'empty' : quoteValue(value));
      const change = `${trigger.property} changed${signal.from !== undefined ? ` from ${shown(signal.from)}` : ''} to ${shown(signal.to)}`;
      if (trigger.to !== undefined && !valueEquals(signal.to, trigger.to)) {
        return { matched: false, reason: `${change}; the trigger wants ${quoteValue(trigger.to)}.` };
      }
      if (trigger.from !== undefined) {
        if (signal.from === undefined) return { matched: false, reason: `${change}, but the previous value is not known; the trigger wants a change from ${quoteValue(trigger.from)}.` };
        if (!valueEquals(signal.from, trigger.from)) return { matched: false, reason: `${change}; the trigger wants a change from ${quoteValue(trigger.from)}.` };
      }
      return { matched: true, reason: `${change}.` };
    }
    case 'handoff':
    case 'manual':
      return undefined;
  }
}

/** A signal as decision-log input: plain JSON. */
export function describeSignal(signal: Signal): Record<string, unknown> {
  return { ...signal, occurredAt: signal.occurredAt.toISOString() };
}
