/** Text report for people: findings grouped by file, with line numbers when the source is known. */
import { toDotted } from '../json-pointer';
import { sourceLocator } from '../source-location';
import type { ReportRenderer } from './report';
import { summaryLine } from './summary-line';

export const textReport: ReportRenderer = ({ findings, summary, sources }) => {
  const byFile = new Map<string, typeof findings[number][]>();
  for (const finding of findings) {
    const file = finding.file ?? '(no file)';
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }
  const lines: string[] = [];
  for (const [file, list] of byFile) {
    const source = sources?.get(file);
    const locate = source === undefined ? undefined : sourceLocator(source);
    lines.push(file);
    // Read top to bottom: order a file's findings by where they are (stable for equal places).
    const placed = list.map((f) => ({ f, at: locate?.(f.path) }));
    if (locate) placed.sort((a, b) => (a.at?.startLine ?? 0) - (b.at?.startLine ?? 0) || (a.at?.startColumn ?? 0) - (b.at?.startColumn ?? 0));
    for (const { f, at } of placed) {
      const where = at ? `${at.startLine}:${at.startColumn}` : toDotted(f.path);
      const severity = f.exception !== undefined ? 'excepted' : f.severity;
      lines.push(`  ${where.padEnd(8)} ${severity.padEnd(8)} ${f.message}  [${f.rule}]`);
      if (f.fix !== undefined) lines.push(`  ${''.padEnd(8)} ${''.padEnd(8)} fix: ${f.fix}`);
      if (f.exception !== undefined) lines.push(`  ${''.padEnd(8)} ${''.padEnd(8)} excepted: ${f.exception}`);
    }
    lines.push('');
  }
  lines.push(summaryLine(summary));
  return `${lines.join('\n')}\n`;
};
