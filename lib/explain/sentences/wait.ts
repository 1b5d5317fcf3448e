/** A timed wait: scheduled, then elapsed. */
import { clause, inputsOf, type SentenceBuilder } from '../sentence-types';

export const waitSentence: SentenceBuilder = (d, w) => {
  const due = inputsOf(d).dueAt;
  const until = typeof due === 'string' ? ` until ${w.plain(due)}` : '';
  if (d.outcome === 'scheduled') return `Waiting${until} (${d.stepId ?? 'wait'} in ${w.contract(d.contractKey)})`;
  if (d.outcome === 'elapsed') return `The wait ${d.stepId ?? ''} in ${w.contract(d.contractKey)} is over`.replace('  ', ' ');
  return `${w.contract(d.contractKey)}: ${clause(w.plain(d.reason))}`;
};
