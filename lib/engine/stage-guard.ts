/**
 * The monotonic stage policy: with `stagePolicy.monotonic`, no action or exit effect may move
 * the record to an earlier stage than it holds now. A write whose order cannot be decided (the
 * stage order is unknown, or either value is not in it) is allowed and says so in its inputs:
 * refusing a write on a guess would be worse than the linter's static check.
 */
import type { PortalContext, RecordSnapshot } from './types';
import type { Contract } from '../contracts/schema';
import { quoteValue } from '../contracts/schema';
import { ownValue } from './own-value';

/** The verdict on one stage write. */
export interface StageVerdict {
  refused: boolean;
  reason: string;
  inputs: Record<string, unknown>;
}

/**
 * The verdict on an action step or exit effect that writes the stage property (`set_stage`, or
 * `set_property` on it); `undefined` when it writes no stage.
 */
export function judgeStageWrite(
  contract: Contract,
  portal: PortalContext,
  record: RecordSnapshot,
  action: string,
  input: Readonly<Record<string, unknown>>,
): StageVerdict | undefined {
  const write = stageWrite(contract, action, input);
  return write ? checkStageWrite(contract, portal, record, write.value) : undefined;
}

/** The property and value an action writes, when it writes the stage property. */
function stageWrite(contract: Contract, action: string, input: Readonly<Record<string, unknown>>): { property: string; value: string } | undefined {
  const policy = contract.stagePolicy;
  if (!policy) return undefined;
  if (action === 'set_stage' && typeof input.value === 'string') return { property: policy.property, value: input.value };
  if (action === 'set_property' && input.property === policy.property && input.value !== undefined && input.value !== null) {
    return { property: policy.property, value: String(input.value) };
  }
  return undefined;
}

/** Checks a write of `value` to the stage property against the current stage. */
function checkStageWrite(contract: Contract, portal: PortalContext, record: RecordSnapshot, value: string): StageVerdict {
  const policy = contract.stagePolicy;
  const property = policy?.property ?? '';
  const current = ownValue(record.properties, property) ?? null;
  const order = policy?.order ?? portal.stageOrders?.[property];
  const inputs = { property, current, requested: value, monotonic: policy?.monotonic === true, order: order ?? null };
  if (!policy?.monotonic) return { refused: false, reason: 'the stage policy is not monotonic', inputs };
  if (!order) return { refused: false, reason: `no stage order is known for ${property}`, inputs };
  const [from, to] = [current === null ? -1 : order.indexOf(current), order.indexOf(value)];
  if (from < 0 || to < 0) return { refused: false, reason: `${quoteValue(current)} or ${quoteValue(value)} is not in the stage order`, inputs };
  if (to < from) {
    return {
      refused: true,
      reason: `Refused to move ${property} back from ${quoteValue(current)} to ${quoteValue(value)}: the stage policy is monotonic.`,
      inputs,
    };
  }
  return { refused: false, reason: `${quoteValue(value)} is not earlier than ${quoteValue(current)}`, inputs };
}
