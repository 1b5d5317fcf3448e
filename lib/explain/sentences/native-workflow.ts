/** A native HubSpot workflow asked Waymark. */
import { clause, type SentenceBuilder } from '../sentence-types';

export const nativeWorkflowSentence: SentenceBuilder = (d, w) => {
  if (d.outcome === 'refused') return `A HubSpot workflow was refused: ${clause(w.plain(d.reason))}`;
  return `A HubSpot workflow: ${clause(w.plain(d.reason))}`;
};
