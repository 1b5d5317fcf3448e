/**
 * The diff of an audit against the previous one (issue #11 §4), by fingerprint: a fingerprint is
 * stable across audits for the same problem (rule + subject + detail), so a finding whose
 * fingerprint is only in the current report is new, one only in the previous is fixed, and one
 * in both is still open (carried as the current report states it: message, evidence and
 * suppression may have changed). Suppressed findings take part like any other: a suppression
 * accepts a problem, it does not fix it.
 */
import { fingerprintOf } from './fingerprint';
import type { AuditFinding } from './types';

export type AuditDiff = {
  /** When the previous audit ran; null for a portal's first audit (everything is new). */
  previousAuditedAt: string | null;
  new: AuditFinding[];
  fixed: AuditFinding[];
  stillOpen: AuditFinding[];
};

type DiffableReport = { auditedAt?: string; findings: readonly AuditFinding[] };

/** Reports stored before fingerprints existed still diff: the rule and subject stand in. */
const keyOf = (f: AuditFinding) => f.fingerprint ?? fingerprintOf(f.rule, f.subject);

export function diffReports(previous: DiffableReport | null, current: DiffableReport): AuditDiff {
  const before = new Map((previous?.findings ?? []).map((f) => [keyOf(f), f]));
  const now = new Set(current.findings.map(keyOf));
  return {
    previousAuditedAt: previous?.auditedAt ?? null,
    new: current.findings.filter((f) => !before.has(keyOf(f))),
    fixed: [...before.values()].filter((f) => !now.has(keyOf(f))),
    stillOpen: current.findings.filter((f) => before.has(keyOf(f))),
  };
}
