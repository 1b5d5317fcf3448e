/**
 * A native workflow's actions as contract steps, in path order from the start action. What maps:
 * delays (`wait`), static property writes (`set_property`), marketing emails (`send_email`),
 * tasks (`create_task`) and list branches (`branch`, with `else` when the flow has a default
 * branch). What the workflow never declared stays out, for the linter to name: an action's
 * failure path (`onFailure`), where a path ends (no exit), an arm condition the format cannot
 * express. An action with no contract equivalent keeps its place as a step with a note and no
 * kind, so the path stays whole and the parser points at exactly that step.
 */
import { branchCondition } from '../filter-to-condition';
import type { FlowAction } from '../flow-schema';
import type { NativeGraph, NativeNode } from '../native-graph';

type Json = Record<string, unknown>;
const UNIT = { MINUTES: 'M', HOURS: 'H', DAYS: 'D' } as const;

function isoDelay(action: FlowAction): string | undefined {
  const delta = Number(action.fields?.delta);
  const unit = UNIT[String(action.fields?.time_unit ?? 'MINUTES') as keyof typeof UNIT];
  if (!Number.isInteger(delta) || delta <= 0 || !unit) return undefined;
  if (unit === 'D') return `P${delta}D`;
  // HubSpot stores most delays in minutes: 1440 minutes reads better as P1D.
  const minutes = unit === 'H' ? delta * 60 : delta;
  if (minutes % 1440 === 0) return `P${minutes / 1440}D`;
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);

/** The step body (kind key and inputs) of a node, or undefined when it has no equivalent. */
function body(node: NativeNode, idOf: (actionId: string) => string | undefined): { prefix: string; fields: Json } | undefined {
  const { action } = node;
  const fields = action.fields ?? {};
  switch (node.kind) {
    case 'delay': {
      const wait = action.actionTypeId === '0-1' ? isoDelay(action) : undefined;
      return wait ? { prefix: 'wait', fields: { wait } } : undefined;
    }
    case 'set-property': {
      const write = fields.value as { staticValue?: unknown } | undefined;
      const value = write?.staticValue;
      if (typeof fields.property_name !== 'string' || !['string', 'number', 'boolean'].includes(typeof value)) return undefined;
      return { prefix: 'set-property', fields: { action: 'set_property', with: { property: fields.property_name, value } } };
    }
    case 'send-email': {
      const template = text(fields.content_id) ?? (typeof fields.content_id === 'number' ? String(fields.content_id) : undefined);
      return template ? { prefix: 'send-email', fields: { action: 'send_email', with: { template } } } : undefined;
    }
    case 'task': {
      const title = text(fields.subject);
      return title ? { prefix: 'create-task', fields: { action: 'create_task', with: { title } } } : undefined;
    }
    case 'branch': {
      if (!action.listBranches) return undefined;
      const branch = action.listBranches.map((arm) => {
        const when = branchCondition(arm.filterBranch);
        const next = arm.connection ? idOf(arm.connection.nextActionId) : undefined;
        return { ...(when ? { when } : {}), ...(next ? { next } : {}) };
      });
      const otherwise = action.defaultBranch ? idOf(action.defaultBranch.nextActionId) : undefined;
      return { prefix: 'branch', fields: { branch, ...(otherwise ? { else: otherwise } : {}) } };
    }
    default:
      return undefined;
  }
}

/** Actions in path order: depth-first from the start, then any the start never reaches. */
function pathOrder(graph: NativeGraph): NativeNode[] {
  const seen = new Set<string>();
  const order: NativeNode[] = [];
  const visit = (id: string) => {
    const node = graph.nodes.get(id);
    if (!node || seen.has(id)) return;
    seen.add(id);
    order.push(node);
    for (const edge of node.out) visit(edge.to);
  };
  if (graph.start !== undefined) visit(graph.start);
  for (const id of graph.nodes.keys()) visit(id);
  return order;
}

export type DraftedSteps = { steps: Json[]; unmapped: string[] };

export function draftSteps(graph: NativeGraph): DraftedSteps {
  const nodes = pathOrder(graph);
  const ids = new Map<string, string>();
  // Ids first (a step's `next` may name a later one); a node without equivalent gets `hubspot-`.
  const idOf = (actionId: string) => ids.get(actionId);
  const bodies = new Map(nodes.map((n) => [n.id, body(n, () => undefined)] as const));
  for (const node of nodes) ids.set(node.id, `${bodies.get(node.id)?.prefix ?? 'hubspot'}-${node.id}`);
  const unmapped: string[] = [];
  const steps = nodes.map((node) => {
    const mapped = body(node, idOf);
    const next = node.action.connection ? idOf(node.action.connection.nextActionId) : undefined;
    const tail = next && node.kind !== 'branch' ? { next } : {};
    if (mapped) return { id: ids.get(node.id), ...mapped.fields, ...tail };
    const what = `HubSpot action ${node.id} (${node.action.type ?? 'action'} ${node.action.actionTypeId ?? ''})`.replace(/ \)/, ')');
    unmapped.push(what);
    return { id: ids.get(node.id), note: `${what} has no contract equivalent: choose a step kind`, ...tail };
  });
  return { steps, unmapped };
}
