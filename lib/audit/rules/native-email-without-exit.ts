import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** A workflow that sends email with no goal and no unenrolment keeps mailing people who already converted. */
export const nativeEmailWithoutExit = {
  id: 'native-email-without-exit',
  title: 'Sends email with no goal and no unenrolment',
  severity: 'warning',
  scope: 'native',
  rationale: 'Without a goal or unenrolment criteria, a record that has already done what the email asks keeps receiving it.',
  docs: 'Add a goal (for example lead status becomes CONNECTED) or unenrol records that stop matching.',
  check: ({ enabled }) =>
    enabled
      .filter((g) => g.sendsEmail && !g.hasGoal && !g.hasUnenrolment)
      .map((g) => {
        const emails = [...g.nodes.values()].filter((n) => n.kind === 'send-email' && g.reachable.has(n.id));
        return {
          subject: flowSubject(g.flow),
          message: `"${g.flow.name}" sends email but has no goal and no unenrolment criteria: nobody leaves it early.`,
          evidence: emails.map((n) => `action ${n.id} sends email ${String(n.action.fields?.content_id ?? '')}`.trim()),
          fix: 'Add a goal that ends the workflow when the record converts, or turn on "unenrol records that no longer meet the criteria".',
        };
      }),
} as const satisfies AuditRule;
