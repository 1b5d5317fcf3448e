import { flowSubject } from '../audit-context';
import type { AuditRule } from '../audit-rule';

const FLOW_KEY = /^(flow_?id|workflow_?id|flowIds?)$/i;

/** Flow ids a JSON value names under a flow-id-like key. */
function namedFlowIds(value: unknown, into: Set<string>, key = ''): Set<string> {
  if (Array.isArray(value)) for (const item of value) namedFlowIds(item, into, key);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) namedFlowIds(v, into, k);
  else if (FLOW_KEY.test(key) && (typeof value === 'string' || typeof value === 'number')) into.add(String(value));
  return into;
}

/** A disabled workflow that another workflow or a contract still sends records to. */
export const nativeDisabledButTargeted = {
  id: 'native-disabled-but-targeted',
  title: 'Disabled but still the target of another workflow or contract',
  severity: 'error',
  scope: 'native',
  rationale: 'Records sent to a turned-off workflow go nowhere; the sender believes the handoff happened.',
  docs: 'Turn the workflow back on, or change the sender to enrol records somewhere that runs.',
  check: ({ graphs, enabled, liveContracts }) => {
    const senders = new Map<string, string[]>();
    const note = (target: string, who: string) => senders.set(target, [...(senders.get(target) ?? []), who]);
    for (const g of enabled) {
      for (const node of g.nodes.values()) for (const id of namedFlowIds(node.action.fields ?? {}, new Set())) if (id !== g.flow.id) note(id, `workflow "${g.flow.name}" (${g.flow.id}) action ${node.id}`);
    }
    for (const c of liveContracts) for (const id of namedFlowIds(c.contract, new Set())) note(id, `contract ${c.key}`);
    return graphs
      .filter((g) => !g.flow.isEnabled && senders.has(g.flow.id))
      .map((g) => ({
        subject: flowSubject(g.flow),
        message: `"${g.flow.name}" is turned off, but ${senders.get(g.flow.id)!.length} enabled path(s) still send records to it.`,
        evidence: senders.get(g.flow.id)!.map((s) => `targeted by ${s}`),
        fix: `Turn "${g.flow.name}" back on, or point the senders at a workflow or contract that runs.`,
      }));
  },
} as const satisfies AuditRule;
