/**
 * The SARIF 2.1.0 report, for code-scanning tools: one run whose driver lists the rules that
 * produced findings (with their rationale and fix), and one result per finding. A finding's
 * subject is not a file, so its location is a logical location (`workflow`, `contract`, `stage`, `run`
 * or `portal`, fully qualified as `kind/id`); the fingerprint is a partial fingerprint, so
 * SARIF viewers track a finding across audits the way the diff does; a suppression is an
 * external suppression with its justification.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { RULE_SET_VERSION } from '../registry';
import type { AuditReport, AuditSeverity } from '../types';
import { groupFindings } from './group-findings';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const satisfies Record<AuditSeverity, Result.level>;
export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function formatSarif(report: AuditReport): string {
  const groups = groupFindings(report.findings);
  const rules = [...new Map(groups.flatMap((g) => g.rules).map((r) => [r.rule, r.meta])).values()];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results: Result[] = groups.flatMap((g) => g.rules.flatMap((r) => r.findings)).map((f) => ({
    ruleId: f.rule,
    ruleIndex: index.get(f.rule),
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [{ logicalLocations: [{ name: f.subject.name, fullyQualifiedName: `${f.subject.kind}/${f.subject.id}`, kind: f.subject.kind }] }],
    ...(f.fingerprint ? { partialFingerprints: { waymarkFingerprint: f.fingerprint } } : {}),
    ...(f.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${f.suppressed.reason} (${f.suppressed.by})` }] } : {}),
    properties: { subject: f.subject, evidence: f.evidence, fix: f.fix },
  }));
  const log: Log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'Waymark audit',
          version: report.ruleSetVersion || RULE_SET_VERSION,
          rules: rules.map((r): ReportingDescriptor => ({
            id: r.id,
            name: r.title,
            shortDescription: { text: r.title },
            ...(r.rationale ? { fullDescription: { text: r.rationale } } : {}),
            ...(r.docs ? { help: { text: r.docs } } : {}),
            defaultConfiguration: { level: LEVEL[r.severity] },
          })),
        },
      },
      invocations: [{ executionSuccessful: true, endTimeUtc: report.auditedAt }],
      properties: { portalId: report.portalId, score: report.score },
      results,
    }],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
