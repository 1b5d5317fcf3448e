/**
 * What an action would do to the record, for the simulator and the "what if" checks: property
 * and stage writes change the virtual record, tags are kept in a list, everything else (email,
 * tasks, notifications, handoffs, webhooks) leaves the record as it is.
 */
import { DEFAULT_STAGE_PROPERTY } from '../contracts/lint/contract-facts';
import type { Contract } from '../contracts/schema';
import { asNumber } from './compare-values';
import type { ActionCommand } from './types';
import { ownValue } from './own-value';

/** The record after `action`; the same `properties` object when nothing changed. */
export function applyWrite(
  contract: Contract,
  properties: Record<string, string | null>,
  tags: readonly string[],
  action: Pick<ActionCommand, 'action' | 'with'>,
): { properties: Record<string, string | null>; tags: string[] } {
  const input = action.with;
  switch (action.action) {
    case 'set_property': {
      const property = String(input.property);
      if (typeof input.increment === 'number') {
        const current = asNumber(ownValue(properties, property) ?? '') ?? 0;
        return { properties: { ...properties, [property]: String(current + input.increment) }, tags: [...tags] };
      }
      const value = input.value === null || input.value === undefined ? null : String(input.value);
      return { properties: { ...properties, [property]: value }, tags: [...tags] };
    }
    case 'set_stage': {
      const property = contract.stagePolicy?.property ?? DEFAULT_STAGE_PROPERTY[contract.object];
      return { properties: { ...properties, [property]: String(input.value) }, tags: [...tags] };
    }
    case 'add_tag':
      return { properties, tags: tags.includes(String(input.tag)) ? [...tags] : [...tags, String(input.tag)] };
    case 'remove_tag':
      return { properties, tags: tags.filter((t) => t !== String(input.tag)) };
    default:
      return { properties, tags: [...tags] };
  }
}
