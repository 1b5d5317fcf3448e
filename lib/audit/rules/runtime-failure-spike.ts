import type { AuditRule } from '../audit-rule';
import { contractRuntime } from '../runtime-facts';

/** Days of history needed before a baseline means anything. */
const MIN_DAYS = 3;
/** A spike: at least this many failures in 24 h … */
const MIN_FAILURES = 5;
/** … and at least this many times the daily baseline (a baseline under 1 counts as 1). */
const FACTOR = 3;

function baselineWords(listed: readonly { day: string; failures: number }[], days: number): string {
  if (listed.length === 0) return 'no failures';
  return `${listed.map((d) => `${d.day}: ${d.failures}`).join(', ')}${listed.length < days ? ' (other days none)' : ''}`;
}

/** Failures in the last 24 h well above the contract's own daily baseline. */
export const runtimeFailureSpike = {
  id: 'runtime-failure-spike',
  title: 'Failure spike',
  severity: 'warning',
  scope: 'runtime',
  rationale: 'A contract failing far more than it usually does points to a change outside it: a deleted email, a property, an expired connection.',
  docs: 'Open the failed runs of the last 24 hours and look for the common cause.',
  check: (context) =>
    contractRuntime(context).flatMap(({ subject, facts }) => {
      // A day with no failure is part of the baseline even when the store did not list it.
      const days = Math.max(facts.baselineDays ?? 0, facts.failuresPerDay.length);
      if (days < MIN_DAYS) return [];
      const baseline = facts.failuresPerDay.reduce((sum, d) => sum + d.failures, 0) / days;
      if (facts.failuresLast24h < MIN_FAILURES || facts.failuresLast24h < FACTOR * Math.max(1, baseline)) return [];
      return [{
        subject,
        message: `"${subject.name}" failed ${facts.failuresLast24h} times in the last 24 hours, against a baseline of ${baseline.toFixed(1)} a day.`,
        evidence: [`last 24 h: ${facts.failuresLast24h} failures`, `baseline over ${days} days: ${baselineWords(facts.failuresPerDay, days)}`],
        fix: 'Open the failed runs in the decision log; check the emails, properties and connection the contract uses.',
      }];
    }),
} as const satisfies AuditRule;
