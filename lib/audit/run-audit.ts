/**
 * Runs every audit rule over plain input and returns the report. A rule that throws becomes an
 * `internal-error` finding (like the contract linter), so one broken rule never hides the others.
 */
import { buildAuditContext } from './audit-context';
import type { AuditRule } from './audit-rule';
import { fingerprintOf } from './fingerprint';
import { AUDIT_RULES, RULE_SET_VERSION } from './registry';
import { scoreAudit } from './score';
import { applySuppressions } from './suppress';
import { AUDIT_SEVERITIES, type AuditFinding, type AuditInput, type AuditOptions, type AuditReport } from './types';
import type { WaymarkActionIds } from './waymark-actions';

/** `waymarkActions`: the `actionTypeId`s of Waymark's own workflow actions in this portal (the app knows them). */
export function runAudit(input: AuditInput, options: AuditOptions & { waymarkActions?: WaymarkActionIds }, rules: readonly AuditRule[] = AUDIT_RULES): AuditReport {
  const context = buildAuditContext(input, options);
  const findings: AuditFinding[] = [];
  for (const rule of rules) {
    try {
      for (const { key, severity, ...found } of rule.check(context)) {
        findings.push({ rule: rule.id, severity: severity ?? rule.severity, ...found, fingerprint: fingerprintOf(rule.id, found.subject, key) });
      }
    } catch (error) {
      const subject = { kind: 'portal', id: input.portalId, name: `Portal ${input.portalId}` } as const;
      findings.push({
        rule: 'internal-error',
        severity: 'error',
        subject,
        message: `Rule ${rule.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        evidence: [],
        fix: 'Report this to the Waymark team; the other rules still ran.',
        fingerprint: fingerprintOf('internal-error', subject, rule.id),
      });
    }
  }
  const rank = (severity: AuditFinding['severity']) => AUDIT_SEVERITIES.indexOf(severity);
  findings.sort((a, b) => rank(a.severity) - rank(b.severity) || a.rule.localeCompare(b.rule) || (a.fingerprint ?? '').localeCompare(b.fingerprint ?? ''));
  const marked = applySuppressions(findings, options.suppressions ?? []);
  return { portalId: input.portalId, auditedAt: options.now.toISOString(), ruleSetVersion: RULE_SET_VERSION, ...scoreAudit(input, marked), findings: marked };
}
