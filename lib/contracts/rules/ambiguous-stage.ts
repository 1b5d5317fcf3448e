/**
 * Portal rule `ambiguous-stage`: stage values the contracts depend on but nobody moves records into
 * or out of, values several contracts claim (each starts when a record enters it), and values not
 * in the known stage order (usually a typo). Only stage values the contracts mention are judged.
 * "Nobody moves it" is only said for a gap in the governed funnel: a value that lies, in the known
 * order, between stages the contracts do move records into or out of. Stages before or after that
 * range (moved by people or by HubSpot: `customer` after a closed deal) stay quiet, and so does a
 * set that moves no stage at all. Values of one condition (`in: [...]`) are reported together.
 */
import type { Condition, Scalar } from '../condition-schema';
import { contradicts, norm } from '../lint/condition-logic';
import { propertyTrigger } from '../lint/contract-facts';
import type { PortalContract } from '../lint/portal-index';
import type { PortalRule, RuleFinding } from '../lint/rule';
import { ruleDocs } from '../lint/rule';
import { toPointer, type PointerSegment } from '../json-pointer';
import { closest } from './rule-helpers';

type Mention = { contract: PortalContract; pointer: string };
type StageUse = { entered: Mention[]; left: Mention[]; owners: Mention[]; required: Mention[] };

export const ambiguousStage = {
  scope: 'portal',
  id: 'ambiguous-stage',
  title: 'Stage value with no clear owner',
  severity: 'warning',
  rationale: 'A stage nobody moves records through, or that several paths claim, makes the funnel unreadable.',
  docs: ruleDocs('ambiguous-stage'),
  check({ index, context }) {
    const byProperty = new Map<string, Map<string, StageUse>>();
    const stageUse = (property: string, value: Scalar | undefined) => {
      const values = byProperty.get(property) ?? new Map<string, StageUse>();
      byProperty.set(property, values);
      const key = norm(value ?? null);
      const entry = values.get(key) ?? { entered: [], left: [], owners: [], required: [] };
      values.set(key, entry);
      return entry;
    };
    for (const contract of index.contracts) collect(contract, stageUse);
    const findings: RuleFinding[] = [];
    for (const [property, values] of byProperty) {
      const order = context.stageOrders[property];
      const governed = order
        ? [...values].filter(([, stage]) => stage.entered.length + stage.owners.length + stage.left.length > 0).map(([value]) => order.indexOf(value)).filter((i) => i >= 0)
        : [];
      const low = Math.min(...governed);
      const high = Math.max(...governed);
      const inGap = (value: string) => governed.length > 0 && order !== undefined && order.indexOf(value) > low && order.indexOf(value) < high;
      const unmanaged = new Map<string, { mention: Mention; values: string[] }>();
      for (const [value, stage] of values) {
        const first = stage.entered[0] ?? stage.owners[0] ?? stage.required[0] ?? stage.left[0];
        if (!first) continue;
        if (order && !order.includes(value)) {
          const guess = closest(value, order);
          findings.push({ contract: first.contract.key, path: first.pointer, message: `'${value}' is not a stage of ${property} (known order: ${order.join(', ')})`, ...(guess ? { fix: `did you mean '${guess}'?` } : {}) });
          continue;
        }
        if (stage.owners.length > 1 && ownersOverlap(stage.owners)) {
          const [, second] = stage.owners;
          findings.push({ contract: second?.contract.key ?? first.contract.key, path: second?.pointer ?? first.pointer, message: `several contracts start when a record enters ${property} '${value}': ${stage.owners.map((o) => `'${o.contract.key}'`).join(', ')}`, fix: 'let one contract own the stage and hand off to the others' });
        }
        if (inGap(value) && stage.required.length > 0 && stage.entered.length === 0 && stage.owners.length === 0 && stage.left.length === 0) {
          for (const req of stage.required) {
            const condition = req.pointer.replace(/\/(in\/\d+|eq)$/, '');
            const key = `${req.contract.key}|${condition}`;
            const entry = unmanaged.get(key) ?? { mention: { ...req, pointer: condition }, values: [] };
            entry.values.push(value);
            unmanaged.set(key, entry);
          }
        }
      }
      for (const { mention, values: names } of unmanaged.values()) {
        findings.push({
          contract: mention.contract.key,
          path: mention.pointer,
          message: `'${mention.contract.key}' depends on ${property} ${names.map((v) => `'${v}'`).join(', ')}, a gap in the funnel the contracts govern: no contract moves records into or out of ${names.length > 1 ? 'them' : 'it'}`,
          fix: 'add the contract that owns this stage, or check the value',
        });
      }
    }
    return findings;
  },
} as const satisfies PortalRule;

/** True when two owners' entry filters can accept the same record (owners split by filter share nothing). */
function ownersOverlap(owners: readonly Mention[]): boolean {
  for (let i = 0; i < owners.length; i++) {
    for (let j = i + 1; j < owners.length; j++) {
      const a = (owners[i] as Mention).contract.facts.entryRequirements;
      const b = (owners[j] as Mention).contract.facts.entryRequirements;
      const disjoint = [...a].some(([property, req]) => {
        const other = b.get(property);
        return other !== undefined && contradicts(req, other);
      });
      if (!disjoint) return true;
    }
  }
  return false;
}

function collect(contract: PortalContract, stageUse: (property: string, value: Scalar | undefined) => StageUse): void {
  const property = contract.facts.stageProperty;
  const mention = (pointer: string): Mention => ({ contract, pointer });
  for (const write of contract.facts.writes) {
    if (write.property === property && write.value !== undefined) stageUse(property, write.value).entered.push(mention(write.pointer));
  }
  const trigger = propertyTrigger(contract.draft);
  if (trigger?.property === property) {
    if (trigger.to !== undefined) stageUse(property, trigger.to).owners.push(mention('/trigger/to'));
    if (trigger.from !== undefined) stageUse(property, trigger.from).left.push(mention('/trigger/from'));
  }
  // A contract that requires a stage on entry and then writes a stage moves records out of it.
  const movesStage = contract.facts.writes.some((write) => write.property === property && write.value !== undefined);
  const filter = contract.draft.entry?.filter;
  if (movesStage && filter) walk(filter, ['entry', 'filter'], false, property, (value, at) => stageUse(property, value).left.push(mention(toPointer(at))));
  const conditions: [Condition | undefined, PointerSegment[]][] = [[filter, ['entry', 'filter']]];
  (contract.draft.steps ?? []).forEach((step, i) => {
    if (step.kind === 'branch') step.branch?.forEach((arm, a) => conditions.push([arm.when, ['steps', i, 'branch', a, 'when']]));
    if (step.kind === 'waitFor') step.waitFor?.forEach((arm, a) => conditions.push([arm.when, ['steps', i, 'waitFor', a, 'when']]));
  });
  (contract.draft.goals ?? []).forEach((goal, g) => conditions.push([goal.when, ['goals', g, 'when']]));
  for (const [condition, path] of conditions) {
    if (condition) walk(condition, path, false, property, (value, at) => stageUse(property, value).required.push(mention(toPointer(at))));
  }
}

/** Calls `found` for each stage value a condition positively requires (eq / in, not negated). */
function walk(c: Condition, path: PointerSegment[], negated: boolean, property: string, found: (value: Scalar, at: PointerSegment[]) => void): void {
  if ('all' in c) c.all.forEach((inner, i) => walk(inner, [...path, 'all', i], negated, property, found));
  else if ('any' in c) c.any.forEach((inner, i) => walk(inner, [...path, 'any', i], negated, property, found));
  else if ('not' in c) walk(c.not, [...path, 'not'], !negated, property, found);
  else if (!negated && (('property' in c && c.property === property) || 'stage' in c)) {
    const test = 'stage' in c ? c.stage : c;
    const at = 'stage' in c ? [...path, 'stage'] : path;
    if (test.eq !== undefined) found(test.eq, [...at, 'eq']);
    test.in?.forEach((value, i) => found(value, [...at, 'in', i]));
  }
}
