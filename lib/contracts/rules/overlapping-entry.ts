/**
 * Portal rule `overlapping-entry`: two live contracts start on the same event for the same record,
 * both act, and share no lane, so a record can be worked by both at once. Contracts are grouped by
 * trigger signature first (an index), so only contracts on the same event are compared.
 */
import { contradicts, norm } from '../lint/condition-logic';
import { propertyTrigger } from '../lint/contract-facts';
import { excludes, type PortalContract } from '../lint/portal-index';
import type { PortalRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { at } from './rule-helpers';

export const overlappingEntry = {
  scope: 'portal',
  id: 'overlapping-entry',
  title: 'Contracts start on the same event',
  severity: 'warning',
  rationale: 'Two paths acting on one record at once double-message people and fight over fields.',
  docs: ruleDocs('overlapping-entry'),
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const group of index.byTrigger.values()) {
      const acting = group.filter((c) => c.facts.acts);
      // One finding per contract, naming the first earlier contract it overlaps and counting the
      // rest, so a crowded trigger cannot flood the report with every pair.
      for (let j = 1; j < acting.length; j++) {
        const b = acting[j] as PortalContract;
        const partners = acting.slice(0, j).filter((a) => overlap(a, b));
        const [a] = partners;
        if (!a) continue;
        const more = partners.length > 1 ? ` (and ${partners.length - 1} more)` : '';
        findings.push({
          contract: b.key,
          path: at('trigger'),
          message: `'${b.key}' and '${a.key}'${more} start on the same event, can both accept the same record, both act, and share no lane`,
          fix: `put them in one lane (entry.lanes), or make their entry filters exclude each other`,
        });
      }
    }
    return findings;
  },
} as const satisfies PortalRule;

function overlap(a: PortalContract, b: PortalContract): boolean {
  if (a.facts.lanes.some((lane) => b.facts.lanes.includes(lane))) return false;
  if (excludes(a, b) && excludes(b, a)) return false;
  const ta = propertyTrigger(a.draft);
  const tb = propertyTrigger(b.draft);
  const reqA = a.facts.entryRequirements;
  const reqB = b.facts.entryRequirements;
  if (ta && tb) {
    for (const side of ['to', 'from'] as const) {
      const va = ta[side];
      const vb = tb[side];
      if (va !== undefined && vb !== undefined && norm(va) !== norm(vb)) return false;
    }
    const value = ta.to ?? tb.to;
    if (value !== undefined) {
      const req = { eq: norm(value), neq: [], gte: [] };
      if (contradicts(req, reqA.get(ta.property) ?? { neq: [], gte: [] })) return false;
      if (contradicts(req, reqB.get(ta.property) ?? { neq: [], gte: [] })) return false;
    }
  }
  for (const [property, req] of reqA) {
    const other = reqB.get(property);
    if (other && contradicts(req, other)) return false;
  }
  return true;
}
