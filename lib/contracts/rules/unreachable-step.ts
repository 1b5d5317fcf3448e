/** Rule `unreachable-step`: every step and exit must be reachable from the start, a goal or preemption. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';

export const unreachableStep = {
  scope: 'contract',
  id: 'unreachable-step',
  title: 'Unreachable step or exit',
  severity: 'error',
  rationale: 'Logic nothing can reach is dead weight that reviewers still read, and often a broken link.',
  docs: ruleDocs('unreachable-step'),
  check({ graph }) {
    if (graph.start === undefined) return [];
    const findings: RuleFinding[] = [];
    for (const node of graph.nodes.values()) {
      if (graph.reachable.has(node.id)) continue;
      const what = node.kind === 'exit' ? 'exit' : 'step';
      findings.push({
        path: node.pointer,
        message: `${what} '${node.id}' is unreachable: no next, onFailure, onTimeout, else${node.kind === 'exit' ? ' or goal' : ''} leads to it`,
        fix: node.kind === 'exit' ? 'point a step or a goal at it, or remove it' : 'point a step at it, or remove it',
      });
    }
    return findings;
  },
} as const satisfies ContractRule;
