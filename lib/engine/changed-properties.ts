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
  const visit = (c: Condition | undefined): void => {
    if (!c || typeof c !== 'object') return;
    if ('all' in c) c.all.forEach(visit);
    if ('any' in c) c.any.forEach(visit);
    if ('not' in c) visit(c.not);
    if ('property' in c && c.changed === true) found.add(c.property);
    if ('stage' in c && c.stage.changed === true && contract.stagePolicy) found.add(contract.stagePolicy.property);
  };
  for (const step of contract.steps) {
    const kind = stepKind(step);
    if (kind === 'branch') (step as BranchStep).branch.forEach((arm) => visit(arm.when));
    if (kind === 'waitFor') (step as WaitForStep).waitFor.forEach((arm) => visit(arm.when));
  }
  (contract.goals ?? []).forEach((goal) => visit(goal.when));
  return [...found].sort();
}
