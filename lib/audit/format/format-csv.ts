/**
 * The CSV report (RFC 4180): one row per finding, grouped by severity then rule. Every field is
 * quoted when it holds a comma, quote or line break; a field that a spreadsheet would run as a
 * formula (starting with = + - @ or a tab) is prefixed with `'`, since names and values come
 * from the portal and the file is meant to be opened in Excel or Sheets.
 */
import type { AuditReport } from '../types';
import { groupFindings } from './group-findings';

export const CSV_COLUMNS = ['severity', 'rule', 'rule_title', 'subject_kind', 'subject_id', 'subject_name', 'message', 'evidence', 'fix', 'fingerprint', 'suppressed_by', 'suppressed_reason'] as const;

export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function formatCsv(report: AuditReport): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const group of groupFindings(report.findings)) {
    for (const rule of group.rules) {
      for (const f of rule.findings) {
        rows.push([f.severity, f.rule, rule.meta.title, f.subject.kind, f.subject.id, f.subject.name, f.message,
          f.evidence.join('\n'), f.fix, f.fingerprint ?? '', f.suppressed?.by ?? '', f.suppressed?.reason ?? '']);
      }
    }
  }
  return `${rows.map((row) => row.map(csvField).join(',')).join('\r\n')}\r\n`;
}
