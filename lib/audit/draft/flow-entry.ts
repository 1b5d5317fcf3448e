/**
 * A native workflow's enrolment as a contract trigger and entry. Only what the flow states is
 * mapped: a list-based enrolment on one property becomes `property_changed` on it (with `to`
 * when it asks for one value), a manual one `manual`; a filter the contract format can express
 * becomes the entry filter, no filter at all `{ "always": true }` (which the linter then asks to
 * justify). Anything else is left out, so the linter names it as an open finding.
 */
import type { Condition } from '../../contracts/condition-schema';
import type { Trigger } from '../../contracts/schema';
import { branchCondition } from '../filter-to-condition';
import type { NativeGraph } from '../native-graph';

type Json = Record<string, unknown>;

/** The one value a condition pins a property to (`{ property, eq }` alone or inside `all`). */
function pinnedValue(condition: Condition | undefined, property: string): string | number | boolean | undefined {
  if (!condition) return undefined;
  if ('property' in condition && condition.property === property && 'eq' in condition) {
    const value = condition.eq;
    return value === null ? undefined : value;
  }
  if ('all' in condition) for (const part of condition.all) { const v = pinnedValue(part, property); if (v !== undefined) return v; }
  return undefined;
}

export function draftTrigger(graph: NativeGraph): Trigger | undefined {
  const criteria = graph.flow.enrollmentCriteria;
  if (!criteria) return undefined;
  if (criteria.type === 'MANUAL') return { event: 'manual' };
  if (criteria.type !== 'LIST_BASED' || graph.entryProperties.size !== 1) return undefined;
  const [property] = [...graph.entryProperties] as [string];
  const to = pinnedValue(graph.entry, property);
  return { event: 'property_changed', property, ...(to !== undefined ? { to } : {}) };
}

export function draftEntry(graph: NativeGraph): Json {
  const reenroll = graph.flow.enrollmentCriteria?.shouldReEnroll ? 'after_exit' : 'never';
  if (graph.entryFilterCount === 0) return { filter: { always: true }, reenroll };
  return graph.entry ? { filter: graph.entry, reenroll } : { reenroll };
}

/** The goal as a goal condition; its exit is what the workflow never declared, left for the linter to name. */
export function draftGoals(graph: NativeGraph): Json[] | undefined {
  if (!graph.hasGoal) return undefined;
  const when = branchCondition(graph.flow.goalFilterBranch);
  return [when ? { when } : {}];
}
