/** Rule `missing-exit`: a path must end in named states. */
import type { ContractRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at } from './rule-helpers';

export const missingExit = {
  scope: 'contract',
  id: 'missing-exit',
  title: 'No exits',
  severity: 'error',
  rationale: 'Without declared end states nobody can tell how a run ended or what it left behind.',
  docs: ruleDocs('missing-exit'),
  check({ contract }) {
    if ((contract.exits ?? []).length > 0) return [];
    return [{ path: at('exits'), message: 'no exits declared: every path must end in a named state', fix: 'add "exits": [ { "id", "outcome", "effects" } ]' }];
  },
} as const satisfies ContractRule;
