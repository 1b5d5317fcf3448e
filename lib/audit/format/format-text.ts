/** The plain-text report: what `waymark audit` prints on a terminal. */
import type { AuditReport } from '../types';
import { countLine, groupFindings, subjectLabel } from './group-findings';

export function formatText(report: AuditReport): string {
  const lines = [
    `Waymark audit of portal ${report.portalId} at ${report.auditedAt} (rule set ${report.ruleSetVersion})`,
    `Score ${report.score}/100: ${countLine(report)}`,
  ];
  if (report.findings.length === 0) lines.push('', 'No findings.');
  for (const group of groupFindings(report.findings)) {
    lines.push('', `${group.severity.toUpperCase()}S`);
    for (const rule of group.rules) {
      lines.push('', `  ${rule.rule}: ${rule.meta.title} (${rule.findings.length})`);
      for (const f of rule.findings) {
        lines.push(`  - ${subjectLabel(f)}: ${f.message}${f.suppressed ? ` [suppressed by ${f.suppressed.by}: ${f.suppressed.reason}]` : ''}`);
        for (const e of f.evidence) lines.push(`      evidence: ${e}`);
        if (f.fix) lines.push(`      fix: ${f.fix}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
