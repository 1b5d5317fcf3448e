import type { AuditRule } from '../audit-rule';
import { contractRuntime } from '../runtime-facts';

const QUIET_DAYS = 30;
const DAY_MS = 86_400_000;

/** A live contract that enrolled nobody in 30 days. */
export const runtimeZombie = {
  id: 'runtime-zombie',
  title: 'Zombie contract',
  severity: 'warning',
  scope: 'runtime',
  rationale: 'A live contract that has not started a run in a month gives false confidence that a process is automated.',
  docs: 'Check the trigger still matches how records change, or retire the contract.',
  check: (context) =>
    contractRuntime(context).flatMap(({ subject, contract, facts }) => {
      if (contract?.status !== 'live') return [];
      const since = facts.lastEnrolledAt ?? facts.liveSince;
      if (!since || context.now.getTime() - Date.parse(since) <= QUIET_DAYS * DAY_MS) return [];
      return [{
        subject,
        message: `"${subject.name}" is live but has enrolled nobody in ${QUIET_DAYS} days.`,
        evidence: [`last enrolment: ${facts.lastEnrolledAt ?? 'never'}`, ...(facts.liveSince ? [`live since ${facts.liveSince}`] : [])],
        fix: 'Check the trigger and entry filter against how records change today, or retire the contract.',
      }];
    }),
} as const satisfies AuditRule;
