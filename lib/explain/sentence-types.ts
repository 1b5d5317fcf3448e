/** What a sentence is built from: one decision-log row, and the words around it. */
export interface DecisionView {
  kind: string;
  outcome: string;
  reason: string;
  inputs: unknown;
  contractKey?: string | null;
  stepId?: string | null;
  actor?: string | null;
}

export interface SentenceWords {
  /** The contract's name ("No-show rebooking"), or its key when unknown. */
  contract(key: string | null | undefined): string;
  /** The stored reason with durations, times and property names in plain words. */
  plain(text: string): string;
  timeZone: string;
}

export type SentenceBuilder = (decision: DecisionView, words: SentenceWords) => string;

/** The decision's inputs as a record (the log stores JSON; anything else reads as empty). */
export function inputsOf(decision: DecisionView): Record<string, unknown> {
  const i = decision.inputs;
  return i && typeof i === 'object' && !Array.isArray(i) ? (i as Record<string, unknown>) : {};
}

/** A value as a person reads it (never "[object Object]"). */
export function valueWords(value: unknown): string {
  if (value === null || value === undefined || value === '') return 'empty';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** "The reason." → "the reason" so it can follow a colon. */
export function clause(text: string): string {
  const t = text.trim().replace(/\.$/, '');
  return t.length > 1 && /^[A-Z][a-z]/.test(t) ? t[0]!.toLowerCase() + t.slice(1) : t;
}
