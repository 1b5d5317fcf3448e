/** Whether a change matched a contract's trigger. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const triggerSentence: SentenceBuilder = (d, w) => {
  const name = w.contract(d.contractKey);
  return d.outcome === 'matched' ? `${name} was triggered: ${clause(w.plain(d.reason))}` : `${name} was not triggered: ${clause(w.plain(d.reason))}`;
};
