/**
 * Monotonic stage policy: with `monotonic`, a write that would move the stage property to an
 * earlier stage than the record holds is refused (and the refusal logged by the caller).
 */
import type { Contract } from '../../contracts';
import { LIFECYCLE_ORDER } from '../store/portal-context';
import type { StoredRecordState } from '../store/merge-record-state';

export function stageRegression(contract: Contract, record: StoredRecordState, property: string, value: string): string | null {
  const policy = contract.stagePolicy;
  if (!policy?.monotonic || policy.property !== property) return null;
  const order: readonly string[] = policy.order ?? (property === 'lifecyclestage' ? LIFECYCLE_ORDER : []);
  const current = record.properties[property];
  if (!current) return null;
  const from = order.indexOf(current);
  const to = order.indexOf(value);
  if (from < 0 || to < 0 || to >= from) return null;
  return `refused to move ${property} back from '${current}' to '${value}' (monotonic stage policy)`;
}
