/** Rule `action-without-failure-path`: every action may fail for good; the contract says what then. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at, nodeName } from './rule-helpers';

export const actionWithoutFailurePath = {
  scope: 'contract',
  id: 'action-without-failure-path',
  title: 'Action without onFailure',
  severity: 'error',
  rationale: 'Emails bounce and APIs refuse; without a failure path a failed action strands the run.',
  docs: ruleDocs('action-without-failure-path'),
  check({ contract }) {
    const findings: RuleFinding[] = [];
    (contract.steps ?? []).forEach((step, i) => {
      if (step.kind === 'action' && step.onFailure === undefined) {
        findings.push({ path: at('steps', i, 'onFailure'), message: `${nodeName('step', step.id, i)} has no onFailure: nothing says what happens when the ${step.action ?? 'action'} fails for good`, fix: 'add "onFailure" naming a step or a failure exit that notifies someone' });
      }
    });
    return findings;
  },
} as const satisfies ContractRule;
