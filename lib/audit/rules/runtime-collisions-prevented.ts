import type { AuditRule } from '../audit-rule';
import { contractRuntime, examples } from '../runtime-facts';
import type { RefusalKind } from '../types';

const WORDS = {
  lane_held: 'another path held the lane',
  already_active: 'the record already had an active run (one run per record)',
  idempotency_duplicate: 'the same write was asked for twice (idempotency key)',
} as const satisfies Record<RefusalKind, string>;

/** Evidence that Waymark refused duplicates and collisions (information, not a defect). */
export const runtimeCollisionsPrevented = {
  id: 'runtime-collisions-prevented',
  title: 'Collisions prevented',
  severity: 'info',
  scope: 'runtime',
  rationale: 'Shows where lanes, one-run-per-record and idempotency kept records from getting duplicate journeys or writes.',
  docs: 'Nothing to fix; many refusals for one contract can mean its trigger fires more often than intended.',
  check: (context) =>
    contractRuntime(context).flatMap(({ subject, facts }) => {
      const refusals = facts.refusals.filter((r) => r.count > 0);
      if (refusals.length === 0) return [];
      const total = refusals.reduce((sum, r) => sum + r.count, 0);
      return [{
        subject,
        message: `Waymark prevented ${total} duplicate start(s) or write(s) for "${subject.name}".`,
        evidence: refusals.map((r) => `${r.count}× ${WORDS[r.kind]}: ${examples(r.examples, r.count)}`),
        fix: 'Nothing to fix. If the count is high, check whether the trigger fires more often than intended.',
      }];
    }),
} as const satisfies AuditRule;
