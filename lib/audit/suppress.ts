/**
 * Suppressions: a finding a person accepted stays in the report, marked with the reason and who
 * set it, and no longer counts in the score. A suppression names the rule and either the
 * subject's id (every finding of the rule on it) or one finding's fingerprint.
 */
import type { AuditFinding, Suppression } from './types';

export function applySuppressions(findings: AuditFinding[], suppressions: readonly Suppression[]): AuditFinding[] {
  if (suppressions.length === 0) return findings;
  return findings.map((finding) => {
    const match = suppressions.find(
      (s) => s.rule === finding.rule && (s.subjectId === finding.subject.id || s.subjectId === finding.fingerprint),
    );
    return match ? { ...finding, suppressed: { reason: match.reason, by: match.by } } : finding;
  });
}
