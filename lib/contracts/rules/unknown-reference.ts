/** Rule `unknown-reference`: every `next`/`onFailure`/`onTimeout`/`else`/goal `exit` must name something. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { closest } from './rule-helpers';

const FIELD = { next: 'next', failure: 'onFailure', timeout: 'onTimeout', branch: 'next', else: 'else', signal: 'next' } as const;

export const unknownReference = {
  scope: 'contract',
  id: 'unknown-reference',
  title: 'Reference to nothing',
  severity: 'error',
  rationale: 'A run that follows a name that does not exist stops in an undefined state.',
  docs: ruleDocs('unknown-reference'),
  check({ contract, graph }) {
    // With no exits at all, every exit name would be unknown: missing-exit says it once.
    if ((contract.exits ?? []).length === 0) return [];
    const findings: RuleFinding[] = [];
    const ids = [...graph.nodes.keys()];
    for (const edge of graph.edges) {
      if (graph.nodes.has(edge.to)) continue;
      const guess = closest(edge.to, ids);
      findings.push({
        path: edge.pointer,
        message: `${FIELD[edge.kind]} of step '${edge.from}' names '${edge.to}', which is no step or exit`,
        ...(guess ? { fix: `did you mean '${guess}'?` } : {}),
      });
    }
    const exits = [...graph.nodes.values()].filter((n) => n.kind === 'exit').map((n) => n.id);
    for (const goal of graph.goals) {
      const node = graph.nodes.get(goal.exit);
      if (node?.kind === 'exit') continue;
      const guess = closest(goal.exit, exits);
      findings.push({
        path: goal.pointer,
        message: node ? `a goal names '${goal.exit}', which is a step; goals end a run through an exit` : `a goal names '${goal.exit}', which is no exit`,
        ...(guess ? { fix: `did you mean '${guess}'?` } : {}),
      });
    }
    return findings;
  },
} as const satisfies ContractRule;
