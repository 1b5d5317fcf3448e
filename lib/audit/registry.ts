/**
 * The audit rule registry: every rule, in report order. Explicit on purpose (no file scanning):
 * a new rule is a new file plus one line here.
 */
import type { AuditRule } from './audit-rule';
import { nativeBranchWithoutDefault } from './rules/native-branch-without-default';
import { nativeDelayAtEnd } from './rules/native-delay-at-end';
import { nativeDisabledButTargeted } from './rules/native-disabled-but-targeted';
import { nativeEmailWithoutExit } from './rules/native-email-without-exit';
import { nativeEnrolmentWithoutConditions } from './rules/native-enrolment-without-conditions';
import { nativeNoDescription } from './rules/native-no-description';
import { nativePathWithoutState } from './rules/native-path-without-state';
import { nativeReenrolmentUnguarded } from './rules/native-reenrolment-unguarded';
import { nativeStageRegression } from './rules/native-stage-regression';
import { nativeUnreachableAction } from './rules/native-unreachable-action';
import { portalAmbiguousStage } from './rules/portal-ambiguous-stage';
import { portalContradictoryWrites } from './rules/portal-contradictory-writes';
import { portalHandoffRejected } from './rules/portal-handoff-rejected';
import { portalOverlappingEmail } from './rules/portal-overlapping-email';
import { portalUntriggered } from './rules/portal-untriggered';
import { runtimeCollisionsPrevented } from './rules/runtime-collisions-prevented';
import { runtimeEndedWithoutExit } from './rules/runtime-ended-without-exit';
import { runtimeFailureSpike } from './rules/runtime-failure-spike';
import { runtimeStageWritesRefused } from './rules/runtime-stage-writes-refused';
import { runtimeStuckRuns } from './rules/runtime-stuck-runs';
import { runtimeZombie } from './rules/runtime-zombie';

/** Every audit rule: native-, then portal-, then runtime- rules. */
export const AUDIT_RULES = [
  nativeEnrolmentWithoutConditions,
  nativeReenrolmentUnguarded,
  nativeEmailWithoutExit,
  nativePathWithoutState,
  nativeUnreachableAction,
  nativeBranchWithoutDefault,
  nativeDelayAtEnd,
  nativeNoDescription,
  nativeDisabledButTargeted,
  nativeStageRegression,
  portalContradictoryWrites,
  portalOverlappingEmail,
  portalHandoffRejected,
  portalAmbiguousStage,
  portalUntriggered,
  runtimeStuckRuns,
  runtimeFailureSpike,
  runtimeZombie,
  runtimeCollisionsPrevented,
  runtimeStageWritesRefused,
  runtimeEndedWithoutExit,
] as const satisfies readonly AuditRule[];

/** The version of the rule set, stored with every report (bump when rules change meaning). */
export const RULE_SET_VERSION = '1';
