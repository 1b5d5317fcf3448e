/** Moving to a step. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const stepSentence: SentenceBuilder = (d, w) => {
  return `${w.contract(d.contractKey)} moved to step ${d.stepId ?? 'unknown'}: ${clause(w.plain(d.reason))}`;
};
