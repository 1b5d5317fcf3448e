/**
 * A synthetic portal of N contracts for the lint benchmark, derived from the three shared examples:
 * shared triggers (so overlapping-entry has groups to compare), shared lanes, handoff chains,
 * many writers per property (contradictory-writes) and stage moves — the work portal rules do.
 */
import { readFileSync } from 'node:fs';

type Json = Record<string, unknown> & { [key: string]: any }; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form corpus edits

const EXAMPLES = ['new-lead-follow-up', 'no-show-rebook', 'long-term-nurture'].map(
  (name) => JSON.parse(readFileSync(new URL(`../lib/demo/contracts/${name}.json`, import.meta.url), 'utf8')) as Json,
);

/** N contracts as JSON texts (what the CLI would read from files). */
export function lintCorpus(count: number): { file: string; text: string }[] {
  const out: { file: string; text: string }[] = [];
  for (let i = 0; i < count; i++) {
    const contract = structuredClone(EXAMPLES[i % 3]) as Json;
    const key = `${contract.key}-${i}`;
    contract.key = key;
    contract.name = `${contract.name} #${i}`;
    if (contract.trigger.event === 'property_changed') contract.trigger = { event: 'property_changed', property: `signal_${i % 150}`, to: 'YES' };
    contract.entry.lanes = [`lane-${i % 40}`];
    // Hand off along a chain of nurture contracts so handoff rules have real targets.
    const next = `long-term-nurture-${(Math.floor(i / 3) * 3 + 2 + 3) % (count - (count % 3) || 3)}`;
    for (const exit of contract.exits) {
      for (const effect of exit.effects) if (effect.action === 'start_contract') effect.with.key = next;
      exit.effects.push({ action: 'set_property', with: { property: `field_${i % 120}`, value: `v${i % 5}` } });
    }
    out.push({ file: `corpus/${key}.json`, text: JSON.stringify(contract, null, 2) });
  }
  return out;
}
