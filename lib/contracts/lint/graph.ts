/**
 * The path graph of one contract, shared by every graph rule (reachability, dead ends, instant
 * loops, stage regression) and by the docs renderer. Nodes are steps and exits by id (the first
 * declaration wins; `duplicate-id` reports the rest); edges are every `next`, `onFailure`,
 * `onTimeout`, `else`, branch arm and waitFor arm, each with the JSON pointer of the field.
 */
import type { Condition } from '../condition-schema';
import type { ContractDraft, ExitDraft, GoalDraft, StepDraft } from '../draft';
import { toPointer } from '../json-pointer';
import { PREEMPTED_EXIT, type WaitEvent } from '../schema';

/** A step or exit. */
export type GraphNode = {
  id: string;
  kind: StepDraft['kind'] | 'exit';
  /** Pointer of the step or exit object. */
  pointer: string;
  step?: StepDraft;
  exit?: ExitDraft;
};

/** How one node leads to another. */
export type EdgeKind = 'next' | 'failure' | 'timeout' | 'branch' | 'else' | 'signal';

/** One way on from a step. `to` may name nothing (rule `unknown-reference`). */
export type GraphEdge = {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Pointer of the field that names `to`. */
  pointer: string;
  /** Branch or waitFor arm condition / event. */
  when?: Condition;
  event?: WaitEvent;
};

/** A goal that ends a run through an exit from any step. */
export type GoalEdge = { exit: string; pointer: string; goal: GoalDraft };

/** The path graph of a contract. */
export type ContractGraph = {
  nodes: ReadonlyMap<string, GraphNode>;
  /** Id of the first step, where every run starts. */
  start: string | undefined;
  edges: readonly GraphEdge[];
  goals: readonly GoalEdge[];
  /** Outgoing edges of a node (empty for exits and unknown ids). */
  outgoing(id: string): readonly GraphEdge[];
  /** Ids reached from the start, from goals, or (for `preempted`) by preemption. */
  reachable: ReadonlySet<string>;
};

/** Builds the graph of a draft. Pure and linear in the size of the contract. */
export function buildGraph(draft: ContractDraft): ContractGraph {
  const nodes = new Map<string, GraphNode>();
  const edges: GraphEdge[] = [];
  const out = new Map<string, GraphEdge[]>();
  (draft.steps ?? []).forEach((step, i) => {
    if (step.id !== undefined && !nodes.has(step.id)) nodes.set(step.id, { id: step.id, kind: step.kind, pointer: toPointer(['steps', i]), step });
  });
  (draft.exits ?? []).forEach((exit, i) => {
    if (exit.id !== undefined && !nodes.has(exit.id)) nodes.set(exit.id, { id: exit.id, kind: 'exit', pointer: toPointer(['exits', i]), exit });
  });
  (draft.steps ?? []).forEach((step, i) => {
    if (step.id === undefined || nodes.get(step.id)?.step !== step) return;
    const from = step.id;
    const add = (to: string | undefined, kind: EdgeKind, path: (string | number)[], extra: Partial<GraphEdge> = {}) => {
      if (to === undefined) return;
      const edge: GraphEdge = { from, to, kind, pointer: toPointer(['steps', i, ...path]), ...extra };
      edges.push(edge);
      const list = out.get(from) ?? [];
      list.push(edge);
      out.set(from, list);
    };
    switch (step.kind) {
      case 'wait':
        add(step.next, 'next', ['next']);
        break;
      case 'action':
        add(step.next, 'next', ['next']);
        add(step.onFailure, 'failure', ['onFailure']);
        break;
      case 'branch':
        step.branch?.forEach((arm, a) => add(arm.next, 'branch', ['branch', a, 'next'], arm.when ? { when: arm.when } : {}));
        add(step.else, 'else', ['else']);
        break;
      case 'waitFor':
        step.waitFor?.forEach((arm, a) =>
          add(arm.next, 'signal', ['waitFor', a, 'next'], { ...(arm.when ? { when: arm.when } : {}), ...(arm.event ? { event: arm.event } : {}) }),
        );
        add(step.onTimeout, 'timeout', ['onTimeout']);
        break;
      case 'unknown':
        break;
    }
  });
  const goals: GoalEdge[] = [];
  (draft.goals ?? []).forEach((goal, i) => {
    if (goal.exit !== undefined) goals.push({ exit: goal.exit, pointer: toPointer(['goals', i, 'exit']), goal });
  });
  const start = draft.steps?.[0]?.id;
  const outgoing = (id: string) => out.get(id) ?? [];
  const roots = [start, ...goals.map((g) => g.exit), nodes.get(PREEMPTED_EXIT)?.kind === 'exit' ? PREEMPTED_EXIT : undefined];
  const reachable = new Set<string>();
  const queue = roots.filter((id): id is string => id !== undefined && nodes.has(id));
  for (const id of queue) reachable.add(id);
  for (let i = 0; i < queue.length; i++) {
    for (const edge of outgoing(queue[i] as string)) {
      if (nodes.has(edge.to) && !reachable.has(edge.to)) {
        reachable.add(edge.to);
        queue.push(edge.to);
      }
    }
  }
  return { nodes, start, edges, goals, outgoing, reachable };
}

/**
 * Strongly connected components that contain a cycle (more than one node, or a self-loop), each
 * in discovery order. Iterative Tarjan, linear in nodes + edges; shared with `handoff-cycle`.
 */
export function findCycles(ids: readonly string[], successors: (id: string) => readonly string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  let counter = 0;
  for (const root of ids) {
    if (index.has(root)) continue;
    const work: { id: string; next: number }[] = [{ id: root, next: 0 }];
    index.set(root, counter);
    low.set(root, counter++);
    stack.push(root);
    onStack.add(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { id: string; next: number };
      const succ = successors(frame.id);
      if (frame.next < succ.length) {
        const w = succ[frame.next++] as string;
        if (!index.has(w)) {
          index.set(w, counter);
          low.set(w, counter++);
          stack.push(w);
          onStack.add(w);
          work.push({ id: w, next: 0 });
        } else if (onStack.has(w)) {
          low.set(frame.id, Math.min(low.get(frame.id) as number, index.get(w) as number));
        }
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.id, Math.min(low.get(parent.id) as number, low.get(frame.id) as number));
      if (low.get(frame.id) === index.get(frame.id)) {
        const component: string[] = [];
        let w: string | undefined;
        do {
          w = stack.pop() as string;
          onStack.delete(w);
          component.push(w);
        } while (w !== frame.id);
        component.reverse();
        if (component.length > 1 || successors(frame.id).includes(frame.id)) cycles.push(component);
      }
    }
  }
  return cycles;
}
