/// <reference types="vite/client" />
/**
 * Contract fixtures for unit tests, loaded as modules (no filesystem access at test time):
 * per-rule violating/clean sets and the three shared examples, as parsed JSON and as raw text.
 */
import { lintContracts, type LintItem, type LintOptions } from '../../../lib/contracts/lint/lint-contracts';
import { parseContract } from '../../../lib/contracts/parse-contract';

const ruleFiles = import.meta.glob<string>('../../fixtures/contracts/rules/*/*/*.json', { eager: true, query: '?raw', import: 'default' });
// The three examples are the ones the demo publishes (one copy, shipped with the app).
const exampleFiles = import.meta.glob<string>('../../../lib/demo/contracts/*.json', { eager: true, query: '?raw', import: 'default' });
const quietFiles = import.meta.glob<string>('../../fixtures/contracts/quiet-portal/*.{json,yaml}', { eager: true, query: '?raw', import: 'default' });

/** The fixed "now" of contract tests. */
export const NOW = new Date('2026-11-30T12:00:00Z');

/** Files of one rule's fixture set: `{ 'a.json': text }`. */
export function ruleFixture(rule: string, kind: 'violating' | 'clean'): Map<string, string> {
  const prefix = `../../fixtures/contracts/rules/${rule}/${kind}/`;
  return new Map(
    Object.entries(ruleFiles)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, text]) => [path.slice(prefix.length), text]),
  );
}

/** The rule ids that have a fixture directory. */
export function fixtureRuleIds(): string[] {
  return [...new Set(Object.keys(ruleFiles).map((path) => path.split('/')[5] as string))].sort();
}

/** The shared examples: file name → text. */
export const EXAMPLES = new Map(Object.entries(exampleFiles).map(([path, text]) => [path.split('/').pop() as string, text]));

/**
 * A realistic portal that must lint clean (the quietness guard): the three examples plus a deal,
 * a ticket and a manual, preempting onboarding contract (YAML).
 */
export const QUIET_PORTAL = new Map([...EXAMPLES, ...Object.entries(quietFiles).map(([path, text]) => [path.split('/').pop() as string, text] as const)]);

/** Parses and lints a set of files together at {@link NOW}. */
export function lintFiles(files: ReadonlyMap<string, string>, options: Partial<LintOptions> = {}) {
  const items: LintItem[] = [...files].map(([file, text]) => ({ file, parsed: parseContract(text) }));
  return lintContracts(items, { context: { now: NOW }, ...options });
}

/**
 * Plain JSON that tests edit freely to derive broken contracts (`c.steps[0].wait = 'soon'`);
 * typing every fixture edit would only restate the schema under test.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- see above
export type EditableJson = any;

/** A parsed example as a mutable plain object (for deriving test contracts). */
export function exampleObject(name: 'long-term-nurture' | 'new-lead-follow-up' | 'no-show-rebook'): EditableJson {
  return JSON.parse(EXAMPLES.get(`${name}.json`) as string) as EditableJson;
}
