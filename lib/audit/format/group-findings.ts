/** Findings grouped the way every export reads: by severity (worst first), then by rule. */
import { AUDIT_RULES } from '../registry';
import type { AuditRuleMeta } from '../audit-rule';
import { AUDIT_SEVERITIES, type AuditFinding, type AuditReport, type AuditSeverity } from '../types';

export type RuleGroup = { rule: string; meta: AuditRuleMeta; findings: AuditFinding[] };
export type SeverityGroup = { severity: AuditSeverity; rules: RuleGroup[] };

const META = new Map<string, AuditRuleMeta>(AUDIT_RULES.map((r) => [r.id, r]));

/** A rule's metadata; a stored report may name a rule this version no longer has. */
export function ruleMeta(id: string, severity: AuditSeverity = 'warning'): AuditRuleMeta {
  return META.get(id) ?? (id === 'internal-error'
    ? { id, title: 'Internal error', severity: 'error', rationale: 'An audit rule failed; the other rules still ran.', docs: 'Report it to the Waymark team.' }
    : { id, title: id, severity, rationale: '', docs: '' });
}

export function groupFindings(findings: readonly AuditFinding[]): SeverityGroup[] {
  return AUDIT_SEVERITIES.flatMap((severity) => {
    const byRule = new Map<string, AuditFinding[]>();
    for (const f of findings) if (f.severity === severity) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    if (byRule.size === 0) return [];
    const rules = [...byRule.keys()].sort().map((rule) => ({ rule, meta: ruleMeta(rule, severity), findings: byRule.get(rule) ?? [] }));
    return [{ severity, rules }];
  });
}

/** "2 errors, 5 warnings, 1 info" (suppressed findings counted apart). */
export function countLine(report: AuditReport): string {
  const open = report.findings.filter((f) => !f.suppressed);
  const n = (s: AuditSeverity) => open.filter((f) => f.severity === s).length;
  const suppressed = report.findings.length - open.length;
  return `${n('error')} error(s), ${n('warning')} warning(s), ${n('info')} info${suppressed ? `, ${suppressed} suppressed` : ''}`;
}

export const subjectLabel = (f: AuditFinding) => `${f.subject.kind} "${f.subject.name}" (${f.subject.id})`;
