import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** A delay with nothing after it only keeps records enrolled (and blocks re-enrolment) for no reason. */
export const nativeDelayAtEnd = {
  id: 'native-delay-at-end',
  title: 'Delay with nothing after it',
  severity: 'warning',
  scope: 'native',
  rationale: 'A delay as the last action does nothing except hold records in the workflow; usually the action after it was deleted.',
  docs: 'Add the action the delay waits for, or remove the delay.',
  check: ({ enabled }) =>
    enabled.flatMap((g) =>
      [...g.nodes.values()]
        .filter((n) => n.kind === 'delay' && g.reachable.has(n.id) && !n.out.some((e) => g.nodes.has(e.to)))
        .map((n) => ({
          subject: flowSubject(g.flow),
          key: n.id,
          message: `Delay action ${n.id} of "${g.flow.name}" is the end of its path: nothing happens after the wait.`,
          evidence: [`action ${n.id} delay ${String(n.action.fields?.delta ?? '?')} ${String(n.action.fields?.time_unit ?? '')}`.trim(), 'no connection after it'],
          fix: `Add the action that should follow the delay, or delete action ${n.id}.`,
        })),
    ),
} as const satisfies AuditRule;
