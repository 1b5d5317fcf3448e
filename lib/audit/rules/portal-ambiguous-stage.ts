import type { AuditRule, AuditRuleFinding } from '../audit-rule';
import { entriesOverlap, waymarkSeparates } from '../audit-paths';
import { buildStageMap } from '../stage-map';

/**
 * A stage value several paths claim (each starts when a record enters it and they can hold the
 * same record), or a value inside the governed part of the funnel that paths require but nothing
 * moves records into or out of. Stages before or after the governed range stay quiet (people and
 * HubSpot move those), like the contract linter's `ambiguous-stage`.
 */
export const portalAmbiguousStage = {
  id: 'portal-ambiguous-stage',
  title: 'Stage with several owners or none',
  severity: 'warning',
  scope: 'portal',
  rationale: 'When several workflows start on the same stage, or a stage in the middle of the funnel has no owner, nobody can say what entering that stage does.',
  docs: 'Give each stage one owner that hands off to the others; add the missing owner for a gap.',
  check: ({ input, paths }) => {
    const byKey = new Map(paths.map((p) => [`${p.subject.kind}:${p.subject.id}`, p]));
    const findings: AuditRuleFinding[] = [];
    for (const map of buildStageMap(input.stages, paths)) {
      const governed = map.values.filter((v) => v.position >= 0 && v.enteredBy.length + v.leftBy.length + v.ownedBy.length > 0).map((v) => v.position);
      const low = Math.min(...governed);
      const high = Math.max(...governed);
      for (const v of map.values) {
        const subject = { kind: 'stage' as const, id: `${map.property}:${v.value}`, name: `${map.property} '${v.value}'` };
        const owners = v.ownedBy.map((s) => byKey.get(`${s.kind}:${s.id}`)!).filter(Boolean);
        const clash = owners.some((a, i) => owners.slice(i + 1).some((b) => (a.native || b.native) && !waymarkSeparates(a, b) && entriesOverlap(a, b)));
        if (clash) {
          findings.push({
            subject, key: 'owners',
            message: `${owners.length} paths start when a record enters ${map.property} '${v.value}': ${v.ownedBy.map((s) => `"${s.name}"`).join(', ')}.`,
            evidence: v.ownedBy.map((s) => `${s.kind} ${s.id} ("${s.name}") starts on ${map.property} = ${v.value}`),
            fix: `Let one workflow or contract own ${map.property} '${v.value}' and hand off to the others.`,
          });
        }
        if (governed.length && v.position > low && v.position < high && v.requiredBy.length > 0 && v.enteredBy.length + v.leftBy.length + v.ownedBy.length === 0) {
          findings.push({
            subject, key: 'none',
            message: `${v.requiredBy.map((s) => `"${s.name}"`).join(', ')} depend on ${map.property} '${v.value}', but nothing in the portal moves records into or out of it.`,
            evidence: v.requiredBy.map((s) => `${s.kind} ${s.id} requires ${map.property} = ${v.value}`),
            fix: `Add the workflow or contract that owns ${map.property} '${v.value}', or check the value.`,
          });
        }
      }
    }
    return findings;
  },
} as const satisfies AuditRule;
