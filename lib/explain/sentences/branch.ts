/** A branch choosing its path. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const branchSentence: SentenceBuilder = (d, w) => {
  return `${w.contract(d.contractKey)} chose a path at ${d.stepId ?? 'a branch'}: ${clause(w.plain(d.reason))}`;
};
