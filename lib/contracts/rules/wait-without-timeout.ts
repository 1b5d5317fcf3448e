/** Rule `wait-without-timeout`: waiting for an event must end, with a path for when it does not come. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at, nodeName } from './rule-helpers';

export const waitWithoutTimeout = {
  scope: 'contract',
  id: 'wait-without-timeout',
  title: 'waitFor without timeout',
  severity: 'error',
  rationale: 'An event that never comes would hold the record in the path forever.',
  docs: ruleDocs('wait-without-timeout'),
  check({ contract }) {
    const findings: RuleFinding[] = [];
    (contract.steps ?? []).forEach((step, i) => {
      if (step.kind !== 'waitFor') return;
      const name = nodeName('step', step.id, i);
      if (step.timeout === undefined) {
        findings.push({ path: at('steps', i, 'timeout'), message: `${name} waits without a timeout: if no event comes the run waits forever`, fix: 'add "timeout": "P3D" (an ISO-8601 duration)' });
      }
      if (step.onTimeout === undefined) {
        findings.push({ path: at('steps', i, 'onTimeout'), message: `${name} has no onTimeout: nothing says where a run goes when the wait times out`, fix: 'add "onTimeout" naming a step or exit' });
      }
    });
    return findings;
  },
} as const satisfies ContractRule;
