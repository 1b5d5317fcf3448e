/** A CRM action: requested, done, failed, retried or halted. */
import { actionWords, personWords } from '../people-and-actions';
import { clause, inputsOf, type SentenceBuilder } from '../sentence-types';

export const actionSentence: SentenceBuilder = (d, w) => {
  const i = inputsOf(d);
  const action = typeof i.action === 'string' ? actionWords(i.action) : 'the action';
  const name = w.contract(d.contractKey);
  switch (d.outcome) {
    case 'requested': return `${name} asked HubSpot to ${action}`;
    case 'succeeded': return `${name}: ${clause(w.plain(d.reason))} (done)`;
    case 'failed': return `${name}: an action failed, ${clause(w.plain(d.reason))}`;
    case 'retry-requested': return `${d.actor ? personWords(d.actor) : 'Someone'} asked to retry a failed action: ${clause(w.plain(d.reason))}`;
    default: return `${name}: ${clause(w.plain(d.reason))}`;
  }
};
