/** A goal reached: the run ends through the goal's exit. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const goalSentence: SentenceBuilder = (d, w) => {
  return `Goal reached in ${w.contract(d.contractKey)}: ${clause(w.plain(d.reason))}`;
};
