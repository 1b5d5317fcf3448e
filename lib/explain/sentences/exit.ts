/** Leaving a contract, and the exit's effects. */
import { clause, inputsOf, type SentenceBuilder } from '../sentence-types';
import { personWords, effectWords } from '../people-and-actions';

export const exitSentence: SentenceBuilder = (d, w) => {
  const i = inputsOf(d);
  const name = w.contract(d.contractKey);
  const exitId = typeof i.exitId === 'string' ? i.exitId : 'an exit';
  switch (d.outcome) {
    case 'effect-applied': return `After leaving ${name}: ${effectWords(i, w)} (done)`;
    case 'effect-failed': return `After leaving ${name}: ${clause(w.plain(d.reason))}`;
    case 'refused': return `Not ended: ${clause(w.plain(d.reason))}`;
    case 'halted': return `An exit step of ${name} is on hold: ${clause(w.plain(d.reason))}`;
    default: return `Exited ${name} through ${exitId}${d.actor ? ` (by ${personWords(d.actor)})` : ''}: ${clause(w.plain(d.reason))}`;
  }
};
