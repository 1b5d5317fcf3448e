/** What every report renderer gets, and the renderer type. */
import type { Finding } from '../finding';
import type { LintSummary } from '../lint/lint-contracts';
import type { RuleMeta } from '../lint/rule';

/** Input of a report. */
export type ReportInput = {
  findings: readonly Finding[];
  summary: LintSummary;
  /** Rule metadata (SARIF lists it; Markdown links docs). */
  rules: readonly RuleMeta[];
  /** Source text per file, for line/column regions (SARIF, text). */
  sources?: ReadonlyMap<string, string>;
};

/** Renders a report to text (stdout). */
export type ReportRenderer = (input: ReportInput) => string;
