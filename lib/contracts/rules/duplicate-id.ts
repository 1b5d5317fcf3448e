/** Rule `duplicate-id`: step and exit ids share one namespace and must be unique. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at } from './rule-helpers';

export const duplicateId = {
  scope: 'contract',
  id: 'duplicate-id',
  title: 'Duplicate step or exit id',
  severity: 'error',
  rationale: 'References by id become ambiguous: a run could go somewhere other than the author meant.',
  docs: ruleDocs('duplicate-id'),
  check({ contract }) {
    const seen = new Map<string, string>();
    const findings: RuleFinding[] = [];
    const visit = (id: string | undefined, path: string) => {
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, path);
      else findings.push({ path, message: `id '${id}' is already used at ${first}`, fix: 'give each step and exit its own id' });
    };
    (contract.steps ?? []).forEach((step, i) => visit(step.id, at('steps', i, 'id')));
    (contract.exits ?? []).forEach((exit, i) => visit(exit.id, at('exits', i, 'id')));
    return findings;
  },
} as const satisfies ContractRule;
