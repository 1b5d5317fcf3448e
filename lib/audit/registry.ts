/**
 * The audit rule registry: every rule, in report order. Explicit on purpose (no file scanning):
 * a new rule is a new file plus one line here.
 */
import type { AuditRule } from './audit-rule';

/** Every audit rule: native-, then portal-, then runtime- rules. */
export const AUDIT_RULES = [] as const satisfies readonly AuditRule[];

/** The version of the rule set, stored with every report (bump when rules change meaning). */
export const RULE_SET_VERSION = '1';
