/** Rule `missing-trigger`: a contract must say which business event starts it. */
import type { ContractRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { TRIGGER_EVENTS } from '../schema';
import { at, closest } from './rule-helpers';

export const missingTrigger = {
  scope: 'contract',
  id: 'missing-trigger',
  title: 'Trigger missing or unknown',
  severity: 'error',
  rationale: 'A path without a known trigger never starts, or starts on something nobody can name.',
  docs: ruleDocs('missing-trigger'),
  check({ contract }) {
    const trigger = contract.trigger;
    if (!trigger) {
      return [{ path: at('trigger'), message: 'no trigger: the contract does not say which business event starts it', fix: `add "trigger": { "event": ... } with one of ${TRIGGER_EVENTS.join(', ')}` }];
    }
    if ('unknownEvent' in trigger) {
      const guess = closest(trigger.event, TRIGGER_EVENTS);
      return [{
        path: at('trigger', 'event'),
        message: `'${trigger.event}' is not a trigger event; use one of ${TRIGGER_EVENTS.join(', ')}`,
        ...(guess ? { fix: `did you mean '${guess}'?` } : {}),
      }];
    }
    return [];
  },
} as const satisfies ContractRule;
