/** A stage write refused by a monotonic stage policy. */
import { clause, inputsOf, valueWords, type SentenceBuilder } from '../sentence-types';
import { propertyWords } from '../humanize';

export const stageRefusedSentence: SentenceBuilder = (d, w) => {
  const i = inputsOf(d);
  if (typeof i.property === 'string' && i.requested !== undefined) {
    return `Refused to move ${propertyWords(i.property)} from ${valueWords(i.current)} back to ${valueWords(i.requested)}`;
  }
  return `Refused a stage change: ${clause(w.plain(d.reason))}`;
};
