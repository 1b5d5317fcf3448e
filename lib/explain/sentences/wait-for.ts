/** Waiting for an event, its match or its timeout. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const waitForSentence: SentenceBuilder = (d, w) => {
  const name = w.contract(d.contractKey);
  if (d.outcome === 'matched') return `${name} heard back: ${clause(w.plain(d.reason))}`;
  if (d.outcome === 'timed-out') return `${name} heard nothing in time: ${clause(w.plain(d.reason))}`;
  return `${name} is ${clause(w.plain(d.reason))}`;
};
