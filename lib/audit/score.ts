/**
 * Scores (documented in lib/audit/README.md): each workflow and contract starts at 100 and loses
 * 25 per error, 10 per warning and 2 per info finding about it (floor 0). The portal score is the
 * average of those scores (clean subjects count 100) minus the same weights for findings about
 * stages, runs or the portal itself, floor 0. Suppressed findings do not count.
 */
import type { AuditFinding, AuditInput, AuditSeverity, AuditSubject, WorkflowScore } from './types';

export const SEVERITY_WEIGHT = { error: 25, warning: 10, info: 2 } as const satisfies Record<AuditSeverity, number>;

const zero = (): Record<AuditSeverity, number> => ({ error: 0, warning: 0, info: 0 });
const scoreOf = (counts: Record<AuditSeverity, number>): number =>
  Math.max(0, 100 - counts.error * SEVERITY_WEIGHT.error - counts.warning * SEVERITY_WEIGHT.warning - counts.info * SEVERITY_WEIGHT.info);

/** Score per workflow and contract, and for the portal. */
export function scoreAudit(input: AuditInput, findings: AuditFinding[]): { score: number; workflowScores: WorkflowScore[] } {
  const subjects = new Map<string, { subject: AuditSubject; counts: Record<AuditSeverity, number> }>();
  for (const flow of input.flows) {
    subjects.set(`workflow:${flow.id}`, { subject: { kind: 'workflow', id: flow.id, name: flow.name }, counts: zero() });
  }
  for (const contract of input.contracts) {
    if (contract.status === 'retired') continue;
    subjects.set(`contract:${contract.key}`, { subject: { kind: 'contract', id: contract.key, name: contract.name }, counts: zero() });
  }
  const portal = zero();
  for (const finding of findings) {
    if (finding.suppressed) continue;
    const entry = subjects.get(`${finding.subject.kind}:${finding.subject.id}`);
    (entry ? entry.counts : portal)[finding.severity] += 1;
  }
  const workflowScores = [...subjects.values()].map(({ subject, counts }) => ({ subject, counts, score: scoreOf(counts) }));
  const average = workflowScores.length ? workflowScores.reduce((sum, s) => sum + s.score, 0) / workflowScores.length : 100;
  const penalty = portal.error * SEVERITY_WEIGHT.error + portal.warning * SEVERITY_WEIGHT.warning + portal.info * SEVERITY_WEIGHT.info;
  return { score: Math.max(0, Math.round(average - penalty)), workflowScores };
}
