/** Portal rule `handoff-cycle`: contracts that hand a record around in a circle can keep it forever. */
import { findCycles } from '../lint/graph';
import type { PortalRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';

export const handoffCycle = {
  scope: 'portal',
  id: 'handoff-cycle',
  title: 'Handoff cycle',
  severity: 'warning',
  rationale: 'A record passed from contract to contract in a circle never leaves automation.',
  docs: ruleDocs('handoff-cycle'),
  check({ index }) {
    const targets = (key: string) => [...new Set(index.byKey.get(key)?.facts.handoffs.map((h) => h.target).filter((t) => index.byKey.has(t)))];
    return findCycles([...index.byKey.keys()], targets).map((cycle) => {
      const first = cycle[0] as string;
      const next = cycle[1] ?? first;
      const handoff = index.byKey.get(first)?.facts.handoffs.find((h) => h.target === next);
      return {
        contract: first,
        path: handoff?.pointer ?? '/exits',
        message: `contracts hand off in a cycle: ${[...cycle, first].map((k) => `'${k}'`).join(' → ')}`,
        fix: 'make sure one contract in the cycle has an exit that leaves automation, and a re-enrollment limit',
      };
    });
  },
} as const satisfies PortalRule;
