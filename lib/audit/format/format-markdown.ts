/** The Markdown report (export from the page, `--format markdown`). */
import type { AuditReport } from '../types';
import { countLine, groupFindings } from './group-findings';

/** Text from HubSpot (workflow names, values) must not turn into Markdown or HTML. */
const md = (text: string) => text.replace(/[\\`*_{}[\]<>()#+!|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
const TITLES = { error: 'Errors', warning: 'Warnings', info: 'Information' } as const;

export function formatMarkdown(report: AuditReport): string {
  const lines = [
    `# Waymark audit: portal ${md(report.portalId)}`,
    '',
    `Audited ${md(report.auditedAt)} with rule set ${md(report.ruleSetVersion)}. **Score ${report.score}/100**: ${countLine(report)}.`,
  ];
  if (report.findings.length === 0) lines.push('', 'No findings.');
  for (const group of groupFindings(report.findings)) {
    lines.push('', `## ${TITLES[group.severity]}`);
    for (const rule of group.rules) {
      lines.push('', `### ${md(rule.meta.title)} (\`${rule.rule}\`)`, '');
      if (rule.meta.rationale) lines.push(`_${md(rule.meta.rationale)}_`, '');
      for (const f of rule.findings) {
        const tag = f.suppressed ? ` _(suppressed by ${md(f.suppressed.by)}: ${md(f.suppressed.reason)})_` : '';
        lines.push(`- **${md(f.subject.name)}** (${f.subject.kind} ${md(f.subject.id)}): ${md(f.message)}${tag}`);
        for (const e of f.evidence) lines.push(`  - Evidence: ${md(e)}`);
        if (f.fix) lines.push(`  - Fix: ${md(f.fix)}`);
      }
    }
  }
  return `${lines.join('\n')}\n`;
}
