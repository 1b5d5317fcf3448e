/**
 * Rule `stage-regression`: with a monotonic stage policy, no path may set a stage earlier than one
 * it already set or required. A forward dataflow over the path graph keeps, per node, the latest
 * stage any path can have set or required on arrival (a maximum, so loops converge); a stage
 * write below that level is a regression. Stages outside the known order are ignored (quiet).
 */
import type { Condition, Scalar } from '../condition-schema';
import type { EffectDraft } from '../draft';
import { norm, requirements } from '../lint/condition-logic';
import { propertyTrigger } from '../lint/contract-facts';
import type { ContractRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { PREEMPTED_EXIT } from '../schema';

/** The latest stage a path can have reached, and (lazily, for the message) where it came from. */
type Level = { level: number; source: () => string };
const NONE: Level = { level: -1, source: () => '' };
const later = (a: Level, b: Level) => (b.level > a.level ? b : a);

export const stageRegression = {
  scope: 'contract',
  id: 'stage-regression',
  title: 'Path can move the stage backwards',
  severity: 'error',
  rationale: 'A monotonic stage that moves back corrupts funnel reporting; the runtime would refuse the write mid-run.',
  docs: ruleDocs('stage-regression'),
  check({ contract, graph, facts, context }) {
    const order = contract.stagePolicy?.order ?? context.stageOrders[facts.stageProperty];
    if (contract.stagePolicy?.monotonic !== true || !order || graph.start === undefined) return [];
    const property = facts.stageProperty;
    // No stage write anywhere: nothing can regress (the common case; skip the dataflow).
    if (!facts.writes.some((write) => write.property === property)) return [];
    const levelOf = (value: Scalar | undefined) => (value === undefined ? -1 : order.indexOf(norm(value)));
    const required = (condition: Condition | undefined, source: () => string): Level => {
      if (!condition) return NONE;
      const req = requirements(condition, property).get(property);
      if (!req) return NONE;
      const values = req.eq !== undefined ? [req.eq] : (req.in ?? req.gte);
      const levels = values.map((v) => order.indexOf(v));
      if (levels.length === 0 || levels.some((l) => l < 0)) return NONE;
      return { level: Math.min(...levels), source };
    };
    const stageValue = (effect: EffectDraft): Scalar | undefined => {
      const input = effect.with as Record<string, Scalar> | undefined;
      if (effect.action === 'set_stage') return input?.value;
      if (effect.action === 'set_property' && input?.property === property) return input.value;
      return undefined;
    };
    const findings = new Map<string, RuleFinding>();
    /** Applies stage writes in order, reporting ones below the level already reached. */
    const apply = (state: Level, effects: { effect: EffectDraft; pointer: string; where: string }[]): Level => {
      let current = state;
      for (const { effect, pointer, where } of effects) {
        const value = stageValue(effect);
        const level = levelOf(value);
        if (level < 0) continue;
        if (level < current.level && !findings.has(pointer)) {
          findings.set(pointer, {
            path: `${pointer}/with/value`,
            message: `${where} sets ${property} to '${String(value)}', earlier than '${order[current.level]}' which a path to it already ${current.source()}`,
            fix: `move the record forward only (the order is ${order.join(' → ')}), or end that path before the earlier stage`,
          });
        }
        current = later(current, { level, source: () => `set in ${where}` });
      }
      return current;
    };

    const trigger = propertyTrigger(contract);
    let initial = required(contract.entry?.filter, () => 'required on entry');
    if (trigger?.property === property) {
      initial = later(initial, { level: levelOf(trigger.to), source: () => 'entered through the trigger' });
    }
    const arrive = new Map<string, Level>([[graph.start, initial]]);
    const queue = [graph.start];
    const goalTargets = new Set([...graph.goals.map((g) => g.exit), PREEMPTED_EXIT]);
    const merge = (id: string, state: Level) => {
      if (!graph.nodes.has(id)) return;
      const before = arrive.get(id) ?? NONE;
      const after = later(before, state);
      if (after.level > before.level || !arrive.has(id)) {
        arrive.set(id, after);
        queue.push(id);
      }
    };
    // Levels only rise and are bounded by the order's length, so this terminates.
    for (let i = 0; i < queue.length; i++) {
      const id = queue[i] as string;
      const node = graph.nodes.get(id);
      const step = node?.step;
      if (!node || !step) continue;
      let state = arrive.get(id) ?? NONE;
      if (step.kind === 'action') state = apply(state, [{ effect: step, pointer: node.pointer, where: `step '${id}'` }]);
      for (const edge of graph.outgoing(id)) {
        merge(edge.to, later(state, required(edge.when, () => `required by a ${edge.kind === 'branch' ? 'branch' : 'wait'} arm of step '${id}'`)));
      }
      for (const target of goalTargets) merge(target, state);
    }
    for (const node of graph.nodes.values()) {
      if (!node.exit || !arrive.has(node.id)) continue;
      const effects = (node.exit.effects ?? []).map((effect, e) => ({ effect, pointer: `${node.pointer}/effects/${e}`, where: `exit '${node.id}'` }));
      apply(arrive.get(node.id) ?? NONE, effects);
    }
    return [...findings.values()];
  },
} as const satisfies ContractRule;
