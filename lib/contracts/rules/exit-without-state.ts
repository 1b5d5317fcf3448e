/** Rule `exit-without-state`: an exit must leave the record readable. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at, nodeName } from './rule-helpers';

export const exitWithoutState = {
  scope: 'contract',
  id: 'exit-without-state',
  title: 'Exit without effects',
  severity: 'error',
  rationale: 'A run that ends without a tag, stage, note or handoff leaves nobody able to tell what happened.',
  docs: ruleDocs('exit-without-state'),
  check({ contract }) {
    const findings: RuleFinding[] = [];
    (contract.exits ?? []).forEach((exit, i) => {
      if ((exit.effects ?? []).length === 0) {
        findings.push({ path: at('exits', i, 'effects'), message: `${nodeName('exit', exit.id, i)} has no effects: the record is left in an unknown state`, fix: 'add an effect such as add_tag, set_stage, notify or start_contract' });
      }
    });
    return findings;
  },
} as const satisfies ContractRule;
