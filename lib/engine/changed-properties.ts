/**
 * The properties a contract tests with `changed: true` inside a run (branches, waitFor arms,
 * goals). Their values are kept as the run's baseline when it starts, so "changed since the run
 * started" compares values, not timestamps: a refresh that re-reads an unchanged value (and
 * stamps it with the record's modification time) is not a change.
 */
import { stepKind, type BranchStep, type Condition, type Contract, type WaitForStep } from '../contracts/schema';

/** Property names under `changed: true` in the run-time conditions of `contract`. */
export function changedProperties(contract: Contract): string[] {
  const found = new Set<string>();
  const visit = (condition: Condition | undefined): void => {
    if (!condition || typeof condition !== 'object') return;
    const c = condition as Record<string, unknown>;
    if (Array.isArray(c.all)) (c.all as Condition[]).forEach(visit);
    if (Array.isArray(c.any)) (c.any as Condition[]).forEach(visit);
    if (c.not) visit(c.not as Condition);
    if (typeof c.property === 'string' && c.changed === true) found.add(c.property);
    if (c.stage && typeof c.stage === 'object' && (c.stage as Record<string, unknown>).changed === true && contract.stagePolicy) {
      found.add(contract.stagePolicy.property);
    }
  };
  for (const step of contract.steps) {
    const kind = stepKind(step);
    if (kind === 'branch') (step as BranchStep).branch.forEach((arm) => visit(arm.when));
    if (kind === 'waitFor') (step as WaitForStep).waitFor.forEach((arm) => visit(arm.when));
  }
  (contract.goals ?? []).forEach((goal) => visit(goal.when));
  return [...found].sort();
}
