/** A contract limit exceeded. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const limitSentence: SentenceBuilder = (d, w) => {
  return `${w.contract(d.contractKey)} hit a limit: ${clause(w.plain(d.reason))}`;
};
