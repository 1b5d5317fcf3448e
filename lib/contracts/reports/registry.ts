/** Report formats by name (explicit registry; the CLI's --format choices). */
import { jsonReport } from './json-report';
import { markdownReport } from './markdown-report';
import type { ReportRenderer } from './report';
import { sarifReport } from './sarif-report';
import { textReport } from './text-report';

export const REPORTS = {
  text: textReport,
  json: jsonReport,
  sarif: sarifReport,
  markdown: markdownReport,
} as const satisfies Record<string, ReportRenderer>;

/** A report format name. */
export type ReportFormat = keyof typeof REPORTS;
