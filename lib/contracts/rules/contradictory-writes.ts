/**
 * Portal rule `contradictory-writes`: two contracts that can be active on the same record at once
 * write different values to the same property (or one adds a tag the other removes). Writes are
 * indexed by property, so only writers of the same property are compared. Increments and stage
 * moves under a monotonic policy never contradict (the runtime keeps the stage moving forward).
 */
import type { Scalar } from '../condition-schema';
import { isMonotonicStageWrite } from '../lint/contract-facts';
import { norm } from '../lint/condition-logic';
import { canRunTogether, type PortalContract } from '../lint/portal-index';
import type { PortalRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';

type Writer = { contract: PortalContract; values: Set<string>; pointer: string };

export const contradictoryWrites = {
  scope: 'portal',
  id: 'contradictory-writes',
  title: 'Contracts write conflicting values',
  severity: 'error',
  rationale: 'When two active paths set one field to different values, the record ends up in whichever wrote last.',
  docs: ruleDocs('contradictory-writes'),
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const [property, writes] of index.writesByProperty) {
      const writers = new Map<string, Writer>();
      for (const { contract, write } of writes) {
        if (write.increment || write.value === undefined || isMonotonicStageWrite(contract.draft, contract.facts, write)) continue;
        const writer = writers.get(contract.key) ?? { contract, values: new Set<string>(), pointer: write.pointer };
        writer.values.add(norm(write.value as Scalar));
        writers.set(contract.key, writer);
      }
      report(findings, [...writers.values()], (a, b) => [...a.values].some((v) => [...b.values].some((w) => v !== w)), (a, b) =>
        `'${a.contract.key}' writes ${property} = ${[...a.values].map((v) => `'${v}'`).join('/')} while '${b.contract.key}' can be active on the same record and writes ${[...b.values].map((v) => `'${v}'`).join('/')}`,
      );
    }
    for (const [tag, changes] of index.tagsByTag) {
      const writers = new Map<string, Writer>();
      for (const { contract, tag: change } of changes) {
        const writer = writers.get(contract.key) ?? { contract, values: new Set<string>(), pointer: change.pointer };
        writer.values.add(change.op);
        writers.set(contract.key, writer);
      }
      report(findings, [...writers.values()], (a, b) => (a.values.has('add') && b.values.has('remove')) || (a.values.has('remove') && b.values.has('add')), (a, b) =>
        `'${a.contract.key}' ${a.values.has('add') ? 'adds' : 'removes'} tag '${tag}' while '${b.contract.key}' can be active on the same record and ${a.values.has('add') ? 'removes' : 'adds'} it`,
      );
    }
    return findings;
  },
} as const satisfies PortalRule;

/**
 * One finding per contract and property, on the first contract of each conflicting pair, naming
 * the first conflicting partner and counting the rest (so a crowded property cannot flood a report).
 */
function report(findings: RuleFinding[], writers: Writer[], conflict: (a: Writer, b: Writer) => boolean, message: (a: Writer, b: Writer) => string): void {
  if (writers.length < 2) return;
  for (let i = 0; i < writers.length; i++) {
    const a = writers[i] as Writer;
    const partners: Writer[] = [];
    for (let j = i + 1; j < writers.length; j++) {
      const b = writers[j] as Writer;
      if (conflict(a, b) && canRunTogether(a.contract, b.contract)) partners.push(b);
    }
    const [first] = partners;
    if (!first) continue;
    const more = partners.length > 1 ? ` (and ${partners.length - 1} more contract${partners.length > 2 ? 's' : ''})` : '';
    findings.push({
      contract: a.contract.key,
      path: a.pointer,
      message: `${message(a, first)}${more}`,
      fix: 'put the contracts in one lane, exclude one from the other in the entry filter, or agree on one value',
    });
  }
}
