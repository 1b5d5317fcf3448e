/**
 * One native workflow as a path graph, the model every native- and portal- rule reads. Nodes are
 * actions by id; edges are `connection`, list/static/A-B branch arms and `defaultBranch`, named
 * like the contract graph's edge kinds (lib/contracts/lint/graph.ts) so the two read alike.
 */
import type { Condition } from '../contracts/condition-schema';
import { branchCondition, branchProperties, filterCount } from './filter-to-condition';
import type { FlowAction, NativeFlow } from './flow-schema';
import { isCheckEntryAction, isDeclareExitAction, type WaymarkActionIds } from './waymark-actions';

/** What an action does, for the rules. */
export type NativeNodeKind = 'delay' | 'set-property' | 'send-email' | 'task' | 'list' | 'create-record' | 'branch'
  | 'check-entry' | 'declare-exit' | 'other';

export type NativeEdge = { from: string; to: string; kind: 'next' | 'branch' | 'else'; label?: string };
export type NativeNode = { id: string; kind: NativeNodeKind; action: FlowAction; out: NativeEdge[] };
/** A property write: `value` undefined when it is not a static value. */
export type NativeWrite = { actionId: string; property: string; value: string | undefined };

export type NativeGraph = {
  flow: NativeFlow;
  start: string | undefined;
  nodes: ReadonlyMap<string, NativeNode>;
  reachable: ReadonlySet<string>;
  writes: NativeWrite[];
  sendsEmail: boolean;
  /** The enrolment filter as a condition (undefined: cannot be expressed or none). */
  entry: Condition | undefined;
  /** Number of enrolment filters of any kind (0: enrols every record). */
  entryFilterCount: number;
  /** Properties the enrolment criteria read. */
  entryProperties: ReadonlySet<string>;
  /** Has a goal or unenrolment (records leave early when the goal is met or criteria stop matching). */
  hasGoal: boolean;
  hasUnenrolment: boolean;
  hasSuppression: boolean;
  /** Uses "Check Waymark entry" / "Declare exit state". */
  guarded: boolean;
  declaresExit: boolean;
};

const KIND_BY_TYPE: Record<string, NativeNodeKind> = {
  '0-1': 'delay', '0-35': 'delay', '0-5': 'set-property', '0-4': 'send-email', '0-3': 'task', '0-13': 'list', '0-14': 'create-record',
};

function kindOf(action: FlowAction, ids: WaymarkActionIds): NativeNodeKind {
  if (isCheckEntryAction(action, ids)) return 'check-entry';
  if (isDeclareExitAction(action, ids)) return 'declare-exit';
  if (action.listBranches || action.staticBranches || action.testBranches || /BRANCH/.test(action.type ?? '')) return 'branch';
  return KIND_BY_TYPE[action.actionTypeId ?? ''] ?? 'other';
}

function edgesOf(action: FlowAction): NativeEdge[] {
  const from = action.actionId;
  const edges: NativeEdge[] = [];
  if (action.connection) edges.push({ from, to: action.connection.nextActionId, kind: 'next' });
  for (const arm of action.listBranches ?? []) if (arm.connection) edges.push({ from, to: arm.connection.nextActionId, kind: 'branch', label: arm.branchName });
  for (const arm of action.staticBranches ?? []) if (arm.connection) edges.push({ from, to: arm.connection.nextActionId, kind: 'branch', label: String(arm.branchValue ?? '') });
  for (const arm of action.testBranches ?? []) if (arm.connection) edges.push({ from, to: arm.connection.nextActionId, kind: 'branch' });
  if (action.defaultBranch) edges.push({ from, to: action.defaultBranch.nextActionId, kind: 'else', label: action.defaultBranchName ?? undefined });
  return edges;
}

function writeOf(action: FlowAction): NativeWrite | undefined {
  const fields = action.fields ?? {};
  if (action.actionTypeId !== '0-5' || typeof fields.property_name !== 'string') return undefined;
  const value = fields.value as { staticValue?: unknown } | undefined;
  const stat = value?.staticValue;
  return { actionId: action.actionId, property: fields.property_name, value: stat === undefined || stat === null ? undefined : String(stat) };
}

/** Builds the graph of a flow. Pure and linear in its size. */
export function buildNativeGraph(flow: NativeFlow, ids: WaymarkActionIds = {}): NativeGraph {
  const nodes = new Map<string, NativeNode>();
  for (const action of flow.actions) {
    if (!nodes.has(action.actionId)) nodes.set(action.actionId, { id: action.actionId, kind: kindOf(action, ids), action, out: edgesOf(action) });
  }
  const start = flow.startActionId ?? flow.actions[0]?.actionId;
  const reachable = new Set<string>();
  const stack = start !== undefined && nodes.has(start) ? [start] : [];
  while (stack.length) {
    const id = stack.pop()!;
    if (reachable.has(id)) continue;
    reachable.add(id);
    for (const edge of nodes.get(id)?.out ?? []) if (nodes.has(edge.to) && !reachable.has(edge.to)) stack.push(edge.to);
  }
  const all = [...nodes.values()];
  const criteria = flow.enrollmentCriteria;
  const entryBranches = [
    ...(criteria?.listFilterBranch ? [criteria.listFilterBranch] : []),
    ...(criteria?.eventFilterBranches ?? []),
    ...(criteria?.listMembershipFilterBranches ?? []),
    ...(criteria?.refinementCriteria ? [criteria.refinementCriteria] : []),
  ];
  const entryProperties = new Set<string>();
  for (const branch of entryBranches) branchProperties(branch, entryProperties);
  const unenrol = flow.unEnrollmentSetting;
  return {
    flow, start, nodes, reachable,
    writes: all.filter((n) => reachable.has(n.id)).map((n) => writeOf(n.action)).filter((w): w is NativeWrite => w !== undefined),
    sendsEmail: all.some((n) => reachable.has(n.id) && n.kind === 'send-email'),
    entry: criteria?.type === 'LIST_BASED' ? branchCondition(criteria.listFilterBranch) : undefined,
    entryFilterCount: entryBranches.reduce((sum, b) => sum + filterCount(b), 0),
    entryProperties,
    hasGoal: filterCount(flow.goalFilterBranch) > 0,
    hasUnenrolment: criteria?.unEnrollObjectsNotMeetingCriteria === true || (unenrol?.type !== undefined && unenrol.type !== 'NONE'),
    hasSuppression: (flow.suppressionListIds?.length ?? 0) > 0 || filterCount(flow.suppressionFilterBranch) > 0,
    guarded: all.some((n) => n.kind === 'check-entry'),
    declaresExit: all.some((n) => n.kind === 'declare-exit'),
  };
}
