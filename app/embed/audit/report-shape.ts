/**
 * The parts of a stored audit report the page reads, parsed defensively: the report is JSON
 * written by lib/audit and may carry more (or, from an older rule set, fewer) fields.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Subject {
  kind: 'workflow' | 'contract' | 'stage' | 'run' | 'portal' | string;
  id: string;
  name?: string;
}

export interface Finding {
  rule: string;
  severity: Severity;
  subject: Subject;
  message: string;
  evidence?: unknown;
  fix?: string;
}

export interface AuditState {
  id: string;
  portalId: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  progress: { total: number; read: number; checked: number };
  ruleSetVersion: string | null;
  score: number | null;
  report: (Record<string, unknown> & { findings?: unknown[]; score?: number; auditedAt?: string }) | null;
  diff: unknown;
  error: string | null;
  createdAt: string;
  auditedAt: string | null;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export function findingsOf(report: AuditState['report']): Finding[] {
  const raw = Array.isArray(report?.findings) ? report.findings : [];
  return raw.flatMap((f) => {
    if (!f || typeof f !== 'object') return [];
    const o = f as Record<string, unknown>;
    const subject = (o.subject && typeof o.subject === 'object' ? o.subject : {}) as Record<string, unknown>;
    const severity = SEVERITIES.includes(o.severity as Severity) ? (o.severity as Severity) : 'info';
    return [{
      rule: String(o.rule ?? 'unknown'), severity,
      subject: { kind: String(subject.kind ?? 'portal'), id: String(subject.id ?? ''), ...(subject.name ? { name: String(subject.name) } : {}) },
      message: String(o.message ?? ''), evidence: o.evidence, ...(o.fix ? { fix: String(o.fix) } : {}),
    }];
  });
}

/** Findings grouped severity → rule → subject, in severity order, then rule, then subject name. */
export function groupFindings(findings: readonly Finding[]): { severity: Severity; rules: { rule: string; subjects: { subject: Subject; findings: Finding[] }[] }[] }[] {
  return SEVERITIES.map((severity) => {
    const ofSeverity = findings.filter((f) => f.severity === severity);
    const rules = [...new Set(ofSeverity.map((f) => f.rule))].sort().map((rule) => {
      const ofRule = ofSeverity.filter((f) => f.rule === rule);
      const keys = [...new Set(ofRule.map((f) => `${f.subject.kind}:${f.subject.id}`))];
      const subjects = keys
        .map((key) => {
          const items = ofRule.filter((f) => `${f.subject.kind}:${f.subject.id}` === key);
          return { subject: items[0]!.subject, findings: items };
        })
        .sort((a, b) => (a.subject.name ?? a.subject.id).localeCompare(b.subject.name ?? b.subject.id));
      return { rule, subjects };
    });
    return { severity, rules };
  }).filter((group) => group.rules.length > 0);
}

/** Finding identity across audits (the diff's key when the diff lists findings). */
export const findingKey = (f: Pick<Finding, 'rule' | 'subject'>) => `${f.rule}|${f.subject.kind}|${f.subject.id}`;
