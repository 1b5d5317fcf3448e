/** Portal rule `handoff-to-unknown`: a handoff must name a live contract. */
import type { PortalRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { closest } from './rule-helpers';

export const handoffToUnknown = {
  scope: 'portal',
  id: 'handoff-to-unknown',
  title: 'Handoff to a missing contract',
  severity: 'error',
  rationale: 'A handoff to a contract that does not exist or is not live drops the record on the floor.',
  docs: ruleDocs('handoff-to-unknown'),
  check({ index }) {
    const findings: RuleFinding[] = [];
    for (const contract of index.contracts) {
      for (const handoff of contract.facts.handoffs) {
        if (index.byKey.has(handoff.target)) continue;
        const notLive = index.notLive.has(handoff.target);
        const guess = notLive ? undefined : closest(handoff.target, index.byKey.keys());
        findings.push({
          contract: contract.key,
          path: handoff.pointer,
          message: notLive
            ? `hands off to '${handoff.target}', which is not live: the record would be dropped`
            : `hands off to '${handoff.target}', but no contract has that key`,
          ...(guess ? { fix: `did you mean '${guess}'?` } : notLive ? { fix: `publish '${handoff.target}' first` } : {}),
        });
      }
    }
    return findings;
  },
} as const satisfies PortalRule;
