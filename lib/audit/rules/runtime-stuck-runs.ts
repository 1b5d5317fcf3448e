import type { AuditRule } from '../audit-rule';
import { contractRuntime, examples } from '../runtime-facts';

/** A wake-up this late means the sweeper or the queue is not running for these runs. */
const WAKE_GRACE_MS = 15 * 60_000;

/** Active runs past their expected duration, or whose wake-up is overdue. */
export const runtimeStuckRuns = {
  id: 'runtime-stuck-runs',
  title: 'Stuck runs',
  severity: 'warning',
  scope: 'runtime',
  rationale: 'A run past its expected duration or with an overdue wake-up holds its record (and its lanes) while doing nothing.',
  docs: 'Open the runs in the decision log; check the worker and the sweeper are running, or end the runs by hand.',
  check: (context) =>
    contractRuntime(context).flatMap(({ subject, facts }) => {
      const now = context.now.getTime();
      const overdue = facts.activeRuns.filter((r) => r.expectedBy && Date.parse(r.expectedBy) < now);
      const late = facts.activeRuns.filter((r) => r.wakeUpDueAt && Date.parse(r.wakeUpDueAt) < now - WAKE_GRACE_MS);
      const stuck = [...new Set([...overdue, ...late])];
      if (stuck.length === 0) return [];
      return [{
        subject,
        // An overdue wake-up means the machinery stopped: worse than a slow run.
        severity: late.length > 0 ? ('error' as const) : undefined,
        message: `${stuck.length} active run(s) of "${subject.name}" are stuck: ${overdue.length} past the expected duration, ${late.length} with a wake-up overdue by more than 15 minutes.`,
        evidence: [
          ...(overdue.length ? [`past expected duration: ${examples(overdue.map((r) => `${r.runId} (record ${r.recordId}, due ${r.expectedBy})`), overdue.length)}`] : []),
          ...(late.length ? [`wake-up overdue: ${examples(late.map((r) => `${r.runId} (due ${r.wakeUpDueAt})`), late.length)}`] : []),
        ],
        fix: 'Check the worker and sweeper are running; open the runs in the decision log and end or resume them.',
      }];
    }),
} as const satisfies AuditRule;
