/** Rule `dead-end`: a path may only stop at an exit. */
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';

export const deadEnd = {
  scope: 'contract',
  id: 'dead-end',
  title: 'Path stops before an exit',
  severity: 'error',
  rationale: 'A run that stops at a step never ends in a declared state: the record is left unexplained.',
  docs: ruleDocs('dead-end'),
  check({ graph }) {
    const findings: RuleFinding[] = [];
    for (const node of graph.nodes.values()) {
      const step = node.step;
      if (!step || !graph.reachable.has(node.id)) continue;
      if ((step.kind === 'wait' || step.kind === 'action') && step.next === undefined) {
        findings.push({
          path: `${node.pointer}/next`,
          message: `step '${node.id}' has no next: a run that ${step.kind === 'wait' ? 'finishes waiting' : 'completes the action'} stops here`,
          fix: 'set "next" to the following step or an exit',
        });
      } else if ((step.kind === 'branch' || step.kind === 'waitFor') && graph.outgoing(node.id).length === 0) {
        findings.push({ path: node.pointer, message: `step '${node.id}' has no way on at all`, fix: 'add arms and an else/onTimeout' });
      }
    }
    return findings;
  },
} as const satisfies ContractRule;
