import { conjuncts } from '../../contracts/lint/condition-logic';
import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

/** Stage values the enrolment criteria require for `property` (undefined: any value). */
function requiredValues(entry: Parameters<typeof conjuncts>[0] | undefined, property: string): string[] | undefined {
  if (!entry) return undefined;
  for (const { condition } of conjuncts(entry)) {
    if ('property' in condition && condition.property === property) {
      if (condition.eq !== undefined && condition.eq !== null) return [String(condition.eq)];
      if (condition.in) return condition.in.map(String);
    }
  }
  return undefined;
}

/** A stage write that moves records backwards by the portal's stage order. */
export const nativeStageRegression = {
  id: 'native-stage-regression',
  title: 'Stage write moves records backwards',
  severity: 'error',
  scope: 'native',
  rationale: 'Lifecycle and pipeline stages only move forward in most portals; a workflow that sets an earlier stage undoes other teams\' work and breaks reporting.',
  docs: 'Write a later stage, or narrow the enrolment so it only enrols records before that stage.',
  check: ({ enabled, stageOrder }) =>
    enabled.flatMap((g) =>
      g.writes.flatMap((write) => {
        const order = stageOrder(g.flow.objectTypeId, write.property)?.order;
        if (!order || write.value === undefined || !order.includes(write.value)) return [];
        const from = requiredValues(g.entry, write.property);
        const to = order.indexOf(write.value);
        const later = (from ?? []).filter((v) => order.indexOf(v) > to);
        if (!from || later.length !== from.length) return [];
        return [{
          subject: flowSubject(g.flow),
          key: write.actionId,
          message: `Action ${write.actionId} of "${g.flow.name}" sets ${write.property} to '${write.value}', earlier than the stage its records enrol in (${later.map((v) => `'${v}'`).join(', ')}).`,
          evidence: [`enrols records with ${write.property} in ${from.join(', ')}`, `action ${write.actionId} sets ${write.property} = ${write.value}`, `portal order: ${order.join(' → ')}`],
          fix: `Set a stage after ${later.join('/')} in action ${write.actionId}, or remove the write.`,
        }];
      }),
    ),
} as const satisfies AuditRule;
