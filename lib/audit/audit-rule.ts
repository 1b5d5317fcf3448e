/**
 * The shape of an audit rule, copied from the contract linter (lib/contracts/lint/rule.ts):
 * metadata next to a pure `check()`. Every rule sees the same context, built once per audit
 * (flow graphs, the stage map, the contract index), so rules stay near-linear.
 */
import type { AuditContext } from './audit-context';
import type { AuditFinding, AuditSeverity } from './types';

/** What every rule declares about itself. */
export type AuditRuleMeta = {
  /** Stable id (`native-no-description`); the prefix names the family: native-, portal-, runtime-. */
  id: string;
  title: string;
  severity: AuditSeverity;
  /** Why the rule exists, in one or two sentences. */
  rationale: string;
  /** The fix, in general words (each finding states its own, specific fix). */
  docs: string;
};

/** What a rule reports; the runner adds rule id, default severity and the fingerprint. */
export type AuditRuleFinding = Omit<AuditFinding, 'rule' | 'severity' | 'fingerprint' | 'suppressed'> & {
  /** Overrides the rule's severity for this finding. */
  severity?: AuditSeverity;
  /** What makes this finding distinct from others of the rule on the same subject (an action id, a property). */
  key?: string;
};

/** Families of rules: the first part of the id. */
export type AuditRuleScope = 'native' | 'portal' | 'runtime';

/** An audit rule. */
export type AuditRule = AuditRuleMeta & {
  scope: AuditRuleScope;
  check(context: AuditContext): AuditRuleFinding[];
};
