/** A handoff or manual start accepted by the contract's entry rules. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const enrollSentence: SentenceBuilder = (d, w) => {
  return `Entered ${w.contract(d.contractKey)}: ${clause(w.plain(d.reason))}`;
};
