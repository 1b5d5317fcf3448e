/** Rule `branch-without-else`: a branch must say where records that match no arm go. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at, nodeName } from './rule-helpers';

export const branchWithoutElse = {
  scope: 'contract',
  id: 'branch-without-else',
  title: 'Branch without else',
  severity: 'error',
  rationale: 'A record that matches no arm would have nowhere to go.',
  docs: ruleDocs('branch-without-else'),
  check({ contract }) {
    const findings: RuleFinding[] = [];
    (contract.steps ?? []).forEach((step, i) => {
      if (step.kind === 'branch' && step.else === undefined) {
        findings.push({ path: at('steps', i, 'else'), message: `${nodeName('step', step.id, i)} has no else: a record matching no arm has nowhere to go`, fix: 'add "else" naming a step or exit' });
      }
    });
    return findings;
  },
} as const satisfies ContractRule;
