/** A person changed a contract's status. */
import type { SentenceBuilder } from '../sentence-types';
import { personWords } from '../people-and-actions';

export const contractSentence: SentenceBuilder = (d, w) => {
  const who = d.actor ? personWords(d.actor) : 'Someone';
  return `${who} set ${w.contract(d.contractKey)} to ${d.outcome}`;
};
