/** Rule `instant-loop`: a cycle must pass through a wait, or a run spins without pause. */
import { findCycles } from '../lint/graph';
import type { ContractRule } from '../lint/rule';
import { ruleDocs } from '../lint/rule';

export const instantLoop = {
  scope: 'contract',
  id: 'instant-loop',
  title: 'Loop without a wait',
  severity: 'error',
  rationale: 'A cycle of actions and branches with no wait repeats instantly: spam, API exhaustion, runaway runs.',
  docs: ruleDocs('instant-loop'),
  check({ graph }) {
    const instant = (id: string) => {
      const kind = graph.nodes.get(id)?.kind;
      return kind === 'action' || kind === 'branch';
    };
    const ids = [...graph.nodes.keys()].filter(instant);
    const successors = (id: string) => graph.outgoing(id).map((e) => e.to).filter(instant);
    return findCycles(ids, successors).map((cycle) => {
      const first = graph.nodes.get(cycle[0] as string);
      return {
        path: first?.pointer ?? '',
        message: `steps ${[...cycle, cycle[0]].map((id) => `'${id}'`).join(' → ')} form a loop with no wait or waitFor: a run would repeat it instantly`,
        fix: 'add a wait step inside the loop, or end the loop in an exit',
      };
    });
  },
} as const satisfies ContractRule;
