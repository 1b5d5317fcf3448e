/** Markdown report (for pull-request comments and job summaries). */
import { toDotted } from '../json-pointer';
import type { ReportRenderer } from './report';
import { summaryLine } from './summary-line';

const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export const markdownReport: ReportRenderer = ({ findings, summary, rules }) => {
  const docs = new Map(rules.map((rule) => [rule.id, rule.docs]));
  const lines = ['# Waymark lint report', '', `**${summaryLine(summary)}**`, ''];
  if (findings.length === 0) {
    lines.push('No findings.');
    return `${lines.join('\n')}\n`;
  }
  lines.push('| severity | rule | contract | file | where | message |', '|---|---|---|---|---|---|');
  for (const f of findings) {
    const link = docs.get(f.rule);
    const rule = link ? `[${f.rule}](${link})` : f.rule;
    const severity = f.exception !== undefined ? `${f.severity} (excepted)` : f.severity;
    let message = f.message;
    if (f.fix !== undefined) message += ` — fix: ${f.fix}`;
    if (f.exception !== undefined) message += ` — excepted: ${f.exception}`;
    lines.push(`| ${severity} | ${rule} | ${cell(f.contract ?? '')} | ${cell(f.file ?? '')} | \`${cell(toDotted(f.path))}\` | ${cell(message)} |`);
  }
  return `${lines.join('\n')}\n`;
};
