/**
 * Rule `unreachable-step`: a step or exit that nothing reaches — not the first step, not named by
 * any other step's next/onFailure/onTimeout/else/arm, not a goal's exit, nor the `preempted` exit.
 * Judged by references (as the catalogue defines it), so one missing `next` upstream is reported
 * once as a dead end instead of as every step after it.
 */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { PREEMPTED_EXIT } from '../schema';

export const unreachableStep = {
  scope: 'contract',
  id: 'unreachable-step',
  title: 'Unreachable step or exit',
  severity: 'error',
  rationale: 'Logic nothing can reach is dead weight that reviewers still read, and often a broken link.',
  docs: ruleDocs('unreachable-step'),
  check({ graph }) {
    if (graph.start === undefined) return [];
    const named = new Set<string>([graph.start, PREEMPTED_EXIT, ...graph.goals.map((goal) => goal.exit)]);
    for (const edge of graph.edges) if (edge.from !== edge.to) named.add(edge.to);
    const findings: RuleFinding[] = [];
    for (const node of graph.nodes.values()) {
      if (named.has(node.id)) continue;
      const what = node.kind === 'exit' ? 'exit' : 'step';
      findings.push({
        path: node.pointer,
        message: `${what} '${node.id}' is unreachable: no next, onFailure, onTimeout, else${node.kind === 'exit' ? ' or goal' : ''} of another step names it`,
        fix: node.kind === 'exit' ? 'point a step or a goal at it, or remove it' : 'point a step at it, or remove it',
      });
    }
    return findings;
  },
} as const satisfies ContractRule;
