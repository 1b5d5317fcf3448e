/** Entering a contract, or not starting it. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const entrySentence: SentenceBuilder = (d, w) => {
  const name = w.contract(d.contractKey);
  if (d.outcome === 'enrolled') return `Entered ${name}: ${clause(w.plain(d.reason))}`;
  return `Not started: ${name}, ${clause(w.plain(d.reason))}`;
};
