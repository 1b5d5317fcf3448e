/** Rule `no-branch`: a path that never looks at the record treats every record the same. */
import type { ContractRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at } from './rule-helpers';

export const noBranch = {
  scope: 'contract',
  id: 'no-branch',
  title: 'Path never branches on record state',
  severity: 'warning',
  rationale: 'Real processes react to what happened on the record; a straight line usually misses a case.',
  docs: ruleDocs('no-branch'),
  check({ contract }) {
    const steps = contract.steps ?? [];
    if (steps.length === 0) return [];
    const branches = steps.some(
      (step) => step.kind === 'branch' || (step.kind === 'waitFor' && (step.waitFor ?? []).some((arm) => arm.when !== undefined)),
    );
    if (branches) return [];
    return [{ path: at('steps'), message: 'the path never branches on record state: every record takes the same route', fix: 'add a branch step (or a waitFor arm with "when") where records should be treated differently' }];
  },
} as const satisfies ContractRule;
