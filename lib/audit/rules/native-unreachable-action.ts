import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** Actions no path from the start reaches never run. */
export const nativeUnreachableAction = {
  id: 'native-unreachable-action',
  title: 'Unreachable action',
  severity: 'warning',
  scope: 'native',
  rationale: 'An action that no path from the first action reaches never runs; it usually means a connection was deleted by mistake.',
  docs: 'Connect the action to the path it belongs to, or delete it.',
  check: ({ enabled }) =>
    enabled.flatMap((g) =>
      [...g.nodes.values()]
        .filter((n) => !g.reachable.has(n.id))
        .map((n) => ({
          subject: flowSubject(g.flow),
          key: n.id,
          message: `Action ${n.id} (${n.kind}) of "${g.flow.name}" is not reached from the start action ${g.start ?? '(none)'}.`,
          evidence: [`startActionId = ${g.start ?? 'none'}`, `no connection leads to action ${n.id}`],
          fix: `Connect action ${n.id} to the path it belongs to, or delete it.`,
        })),
    ),
} as const satisfies AuditRule;
