import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** Enrolment criteria with no conditions enrol every record of the object type. */
export const nativeEnrolmentWithoutConditions = {
  id: 'native-enrolment-without-conditions',
  title: 'Enrolment criteria with no conditions',
  severity: 'warning',
  scope: 'native',
  rationale: 'A trigger with no filter enrols every record of the object, which is almost never the intent.',
  docs: 'Add at least one enrolment filter that names who the workflow is for.',
  check: ({ enabled }) =>
    enabled
      .filter((g) => g.flow.enrollmentCriteria && g.flow.enrollmentCriteria.type !== 'MANUAL' && g.entryFilterCount === 0)
      .map((g) => ({
        subject: flowSubject(g.flow),
        // Mailing every record is worse than tasking every record.
        severity: g.sendsEmail ? ('error' as const) : undefined,
        message: `"${g.flow.name}" enrols every ${g.flow.objectTypeId === '0-1' ? 'contact' : 'record'}: its ${g.flow.enrollmentCriteria?.type} enrolment criteria have no conditions${g.sendsEmail ? ', and it sends email' : ''}.`,
        evidence: [`enrollmentCriteria.type = ${g.flow.enrollmentCriteria?.type}`, 'enrolment filters: 0'],
        fix: 'Add an enrolment filter (for example a lifecycle stage or list membership) so only the intended records enrol.',
      })),
} as const satisfies AuditRule;
