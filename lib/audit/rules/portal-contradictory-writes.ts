import { DEFAULT_STAGE_PROPERTY } from '../../contracts/lint/contract-facts';
import type { AuditRule, AuditRuleFinding } from '../audit-rule';
import { entriesOverlap, waymarkSeparates, type AuditPath, type PathWrite } from '../audit-paths';
import { boundedEvidence } from '../evidence';

/** Stage properties move through an order: ambiguous-stage and stage-regression judge those. */
const STAGES: ReadonlySet<string> = new Set(Object.values(DEFAULT_STAGE_PROPERTY));

/** Two paths (at least one a native workflow) that can hold the same record write one property with different values. */
export const portalContradictoryWrites = {
  id: 'portal-contradictory-writes',
  title: 'Contradictory writes',
  severity: 'warning',
  scope: 'portal',
  rationale: 'When two workflows or contracts that can act on the same record write different values to one property, the last one wins and the value says nothing reliable.',
  docs: 'Let one path own the property, or make the entries exclusive.',
  check: ({ paths }) => {
    const byProperty = new Map<string, { path: AuditPath; index: number; writes: PathWrite[] }[]>();
    paths.forEach((path, index) => {
      const mine = new Map<string, PathWrite[]>();
      for (const w of path.writes) if (w.value !== undefined && !STAGES.has(w.property)) mine.set(w.property, [...(mine.get(w.property) ?? []), w]);
      for (const [property, writes] of mine) byProperty.set(property, [...(byProperty.get(property) ?? []), { path, index, writes }]);
    });
    const findings: AuditRuleFinding[] = [];
    for (const [property, writers] of byProperty) {
      for (let i = 0; i < writers.length; i++) {
        const a = writers[i]!;
        const partners = writers.slice(i + 1).filter((b) =>
          (a.path.native || b.path.native) && !waymarkSeparates(a.path, b.path) && entriesOverlap(a.path, b.path)
          && b.writes.some((wb) => a.writes.some((wa) => wa.value !== wb.value)));
        if (partners.length === 0) continue;
        const values = (w: PathWrite[]) => [...new Set(w.map((x) => `'${x.value}'`))].join('/');
        findings.push({
          subject: a.path.subject,
          key: property,
          message: `"${a.path.subject.name}" sets ${property} to ${values(a.writes)}, and ${partners.length} other path(s) that can hold the same records set it to something else: the last write wins.`,
          evidence: [
            `${a.path.subject.kind} ${a.path.subject.id} ${a.writes.map((w) => `${w.where}: ${property} = ${w.value}`).join('; ')}`,
            ...boundedEvidence(partners.map((b) => `${b.path.subject.kind} ${b.path.subject.id} ("${b.path.subject.name}") ${b.writes.map((w) => `${w.where}: ${property} = ${w.value}`).join('; ')}`)),
          ],
          fix: `Let one workflow or contract own ${property} (the others hand off to it), or make their enrolment criteria exclusive.`,
        });
      }
    }
    return findings;
  },
} as const satisfies AuditRule;
