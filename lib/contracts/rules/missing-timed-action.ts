/** Rule `missing-timed-action`: a contract in which nothing ever happens is a mistake. */
import type { ContractRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at } from './rule-helpers';

export const missingTimedAction = {
  scope: 'contract',
  id: 'missing-timed-action',
  title: 'No action step',
  severity: 'error',
  rationale: 'A path with no action step never does anything for the record: it only waits and exits.',
  docs: ruleDocs('missing-timed-action'),
  check({ contract }) {
    if ((contract.steps ?? []).some((step) => step.kind === 'action')) return [];
    return [{ path: at('steps'), message: 'no action step: nothing ever happens on this path', fix: 'add a step with "action" (send_email, create_task, notify, ...)' }];
  },
} as const satisfies ContractRule;
