/**
 * One plain sentence per decision-log row, for the record panel and the card ("Entered No-show
 * rebooking: …", "Refused to move lifecycle stage from customer back to lead"). One builder per
 * decision kind in sentences/, listed here; a kind without a builder still reads as words.
 */
import type { DecisionKind } from '../engine/types';
import { humanizeText } from './humanize';
import type { DecisionView, SentenceBuilder, SentenceWords } from './sentence-types';
import { clause } from './sentence-types';
import { actionSentence } from './sentences/action';
import { branchSentence } from './sentences/branch';
import { contractSentence } from './sentences/contract';
import { enrollSentence } from './sentences/enroll';
import { entrySentence } from './sentences/entry';
import { exitSentence } from './sentences/exit';
import { goalSentence } from './sentences/goal';
import { limitSentence } from './sentences/limit';
import { nativeWorkflowSentence } from './sentences/native-workflow';
import { signalSentence } from './sentences/signal';
import { stageRefusedSentence } from './sentences/stage-refused';
import { stepSentence } from './sentences/step';
import { triggerSentence } from './sentences/trigger';
import { waitSentence } from './sentences/wait';
import { waitForSentence } from './sentences/wait-for';

export type { DecisionView } from './sentence-types';

/** Every engine decision kind, plus the two the runtime writes on its own (contract status, handoff enrolment). */
export const SENTENCES = {
  trigger: triggerSentence,
  entry: entrySentence,
  step: stepSentence,
  wait: waitSentence,
  action: actionSentence,
  branch: branchSentence,
  'wait-for': waitForSentence,
  goal: goalSentence,
  exit: exitSentence,
  'stage-refused': stageRefusedSentence,
  limit: limitSentence,
  signal: signalSentence,
  'native-workflow': nativeWorkflowSentence,
  contract: contractSentence,
  enroll: enrollSentence,
} as const satisfies Record<DecisionKind | 'contract' | 'enroll', SentenceBuilder>;

export interface SentenceOptions {
  /** Contract key → name. */
  contractNames?: Readonly<Record<string, string>>;
  timeZone?: string;
  now?: Date;
}

export function decisionSentence(decision: DecisionView, options: SentenceOptions = {}): string {
  const timeZone = options.timeZone ?? 'UTC';
  const words: SentenceWords = {
    timeZone,
    contract: (key) => (key ? (options.contractNames?.[key] ?? key) : 'a contract'),
    plain: (text) => humanizeText(typeof text === 'string' ? text : '', timeZone, options.now),
  };
  const builder = (SENTENCES as Record<string, SentenceBuilder | undefined>)[decision.kind];
  try {
    if (builder) return tidy(builder(decision, words));
  } catch {
    // A row with an unexpected shape still reads as words below.
  }
  return tidy(fallbackSentence(decision, words));
}

/** For kinds this build does not know: "{Kind} ({outcome}): {reason}". */
function fallbackSentence(d: DecisionView, w: SentenceWords): string {
  const kind = typeof d.kind === 'string' && d.kind ? d.kind.replace(/[-_]/g, ' ') : 'decision';
  const outcome = typeof d.outcome === 'string' && d.outcome ? ` (${d.outcome.replace(/[-_]/g, ' ')})` : '';
  const reason = typeof d.reason === 'string' && d.reason.trim() ? `: ${clause(w.plain(d.reason))}` : '';
  return `${kind[0]!.toUpperCase()}${kind.slice(1)}${outcome}${reason}`;
}

function tidy(sentence: string): string {
  return sentence.replace(/\s+/g, ' ').replace(/:\s*$/, '').trim();
}
