/**
 * Every record property a contract's conditions read (entry filter, branches, waits, goals, the
 * stage property): what the runtime refreshes from the CRM when Waymark does not hold it yet.
 */
import { stepKind, type BranchStep, type Condition, type Contract, type WaitForStep } from '../../contracts';

function collect(condition: Condition | undefined, stageProperty: string | undefined, out: Set<string>): void {
  if (!condition || typeof condition !== 'object') return;
  if ('property' in condition && typeof condition.property === 'string') out.add(condition.property);
  if ('stage' in condition && stageProperty) out.add(stageProperty);
  if ('all' in condition) for (const c of condition.all) collect(c, stageProperty, out);
  if ('any' in condition) for (const c of condition.any) collect(c, stageProperty, out);
  if ('not' in condition) collect(condition.not, stageProperty, out);
}

export function propertiesUsed(contract: Contract): string[] {
  const stage = contract.stagePolicy?.property;
  const out = new Set<string>();
  if (stage) out.add(stage);
  collect(contract.entry.filter, stage, out);
  for (const step of contract.steps) {
    const kind = stepKind(step);
    if (kind === 'branch') for (const arm of (step as BranchStep).branch) collect(arm.when, stage, out);
    if (kind === 'waitFor') for (const arm of (step as WaitForStep).waitFor) collect(arm.when, stage, out);
  }
  for (const goal of contract.goals ?? []) collect(goal.when, stage, out);
  return [...out].sort();
}
