import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** Re-enrolment on with nothing that stops a record from cycling through again. */
export const nativeReenrolmentUnguarded = {
  id: 'native-reenrolment-unguarded',
  title: 'Re-enrolment without suppression, goal or unenrolment',
  severity: 'warning',
  scope: 'native',
  rationale: 'With re-enrolment on and no suppression list, goal or unenrolment, a record that matches again runs the whole workflow again.',
  docs: 'Add a suppression list, a goal or unenrolment criteria, or turn re-enrolment off.',
  check: ({ enabled }) =>
    enabled
      .filter((g) => g.flow.enrollmentCriteria?.shouldReEnroll === true && !g.hasSuppression && !g.hasGoal && !g.hasUnenrolment)
      .map((g) => ({
        subject: flowSubject(g.flow),
        message: `"${g.flow.name}" re-enrols records but has no suppression list, goal or unenrolment criteria, so a record can go through it again and again.`,
        evidence: ['enrollmentCriteria.shouldReEnroll = true', 'suppressionListIds: none', 'goalFilterBranch: none', 'unEnrollmentSetting: NONE'],
        fix: 'Add a suppression list or a goal, or turn off re-enrolment.',
      })),
} as const satisfies AuditRule;
