/** A report in one of the export formats (the CLI's `--format`, the page's exports). */
import type { AuditReport } from '../types';
import { formatCsv } from './format-csv';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatText } from './format-text';

export const REPORT_FORMATS = ['text', 'markdown', 'csv', 'sarif'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const FORMATTERS = { text: formatText, markdown: formatMarkdown, csv: formatCsv, sarif: formatSarif } as const satisfies Record<ReportFormat, (report: AuditReport) => string>;

export function formatReport(report: AuditReport, format: ReportFormat): string {
  return FORMATTERS[format](report);
}
