/**
 * Bounded evidence: a finding shows a few examples and counts the rest, so a portal where 200
 * paths overlap stores kilobytes per finding, not megabytes (every report is kept and diffed).
 */
export const MAX_EVIDENCE_EXAMPLES = 5;

/** The first `n` lines, and one saying how many more there are. */
export function boundedEvidence(lines: readonly string[], n = MAX_EVIDENCE_EXAMPLES, what = 'path(s)'): string[] {
  return lines.length <= n ? [...lines] : [...lines.slice(0, n), `… and ${lines.length - n} more ${what}`];
}

/** `"A", "B", "C" and 4 others`. */
export function namesOf(names: readonly string[], n = 3): string {
  const shown = names.slice(0, n).join(', ');
  return names.length > n ? `${shown} and ${names.length - n} others` : shown;
}
