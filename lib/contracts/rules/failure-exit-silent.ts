/** Rule `failure-exit-silent`: when a path fails, a person must hear about it. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at, nodeName } from './rule-helpers';

export const failureExitSilent = {
  scope: 'contract',
  id: 'failure-exit-silent',
  title: 'Silent failure exit',
  severity: 'error',
  rationale: 'Failures nobody is told about are failures nobody fixes.',
  docs: ruleDocs('failure-exit-silent'),
  check({ contract }) {
    const findings: RuleFinding[] = [];
    (contract.exits ?? []).forEach((exit, i) => {
      if (exit.outcome === 'failure' && !(exit.effects ?? []).some((e) => e.action === 'notify')) {
        findings.push({ path: at('exits', i), message: `${nodeName('exit', exit.id, i)} is a failure exit but notifies nobody`, fix: 'add { "action": "notify", "with": { "to": "owner", "message": ... } }' });
      }
    });
    return findings;
  },
} as const satisfies ContractRule;
