/** Rule `missing-entry-filter`: every contract says which records may enter, or documents why all may. */
import type { ContractRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at, blank } from './rule-helpers';

export const missingEntryFilter = {
  scope: 'contract',
  id: 'missing-entry-filter',
  title: 'Entry filter missing or undocumented',
  severity: 'error',
  rationale: 'Without a filter every record that fires the trigger enters, including ones already handled elsewhere.',
  docs: ruleDocs('missing-entry-filter'),
  check({ contract }) {
    const filter = contract.entry?.filter;
    if (!filter) {
      return [{ path: at('entry', 'filter'), message: 'no entry filter: any record that fires the trigger would enter', fix: 'add "entry": { "filter": ... } naming who may enter' }];
    }
    if ('always' in filter && blank(contract.docs?.notes)) {
      return [{ path: at('entry', 'filter'), message: 'the entry filter is { "always": true } but docs.notes does not explain why every record may enter', fix: 'explain in docs.notes why no filter is needed, or add a real filter' }];
    }
    return [];
  },
} as const satisfies ContractRule;
