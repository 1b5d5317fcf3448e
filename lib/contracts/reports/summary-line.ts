/** One line that sums up a lint run. */
import type { LintSummary } from '../lint/lint-contracts';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `2 errors, 1 warning, 0 infos (1 excepted) in 3 contracts`. */
export function summaryLine(summary: LintSummary): string {
  const excepted = summary.excepted > 0 ? ` (${summary.excepted} excepted)` : '';
  return `${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}${excepted} in ${plural(summary.contracts, 'contract')}`;
}
