/** A CRM change or event noticed for the record. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const signalSentence: SentenceBuilder = (d, w) => {
  return `Noticed: ${clause(w.plain(d.reason))}`;
};
