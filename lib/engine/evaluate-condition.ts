/**
 * Evaluates a contract condition against one record and the shared state, returning the
 * answer, every input it looked at, and a neutral sentence of fact ("lifecyclestage is
 * 'customer'", "the record holds lane 'outreach' through new-lead-follow-up"). Facts are kept
 * neutral so they read right under `not` and can be joined into a rejection reason.
 */
import { addIsoDuration, parseIsoDuration, quoteValue, type Condition, type StagePolicy } from '../contracts/schema';
import { isUnknown, orderValues, valueEquals, type ContractValue } from './compare-values';
import type { RecordSnapshot, SharedState } from './types';
import { ownValue } from './own-value';

/** Everything a condition may ask about. */
export interface ConditionContext {
  record: RecordSnapshot;
  shared: SharedState;
  now: Date;
  stagePolicy?: StagePolicy;
  /** The portal's known stage orders by property, for a stage policy without `order`. */
  stageOrders?: Readonly<Record<string, readonly string[]>>;
  /** Properties the signal being decided on changed (`changed: true`). */
  changed?: readonly string[];
  /** Values a run started with: a property listed here counts as changed when its value now differs. */
  changedFrom?: Readonly<Record<string, string | null>>;
  /** The run being decided for: `inContract` and `inLane` do not count it. */
  selfRunId?: string;
}

/** One input a condition used: a property value or a shared-state answer. */
export type ConditionInput =
  | { test: 'property'; property: string; operator: string; expected: unknown; actual: string | null; result: boolean }
  | { test: 'inContract'; contract: string; activeContracts: string[]; result: boolean }
  | { test: 'inLane'; lane: string; holders: string[]; result: boolean }
  | { test: 'completed'; contract: string; within?: string; exit?: string; matches: number; result: boolean }
  | { test: 'always'; result: true }
  | { test: 'invalid'; detail: string; result: false };

/** The answer, its inputs and its fact sentence. */
export interface ConditionResult {
  result: boolean;
  inputs: ConditionInput[];
  fact: string;
}

const OPERATORS = ['eq', 'neq', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'contains', 'known', 'changed'] as const;
type Operator = (typeof OPERATORS)[number];
type OperatorTest = Partial<Record<Operator, unknown>>;

/** Evaluates `condition`; never throws (a malformed condition is false with an `invalid` input). */
export function evaluateCondition(condition: Condition, ctx: ConditionContext): ConditionResult {
  const c = condition as Record<string, unknown>;
  if ('all' in c && Array.isArray(c.all)) return combine('all', c.all as Condition[], ctx);
  if ('any' in c && Array.isArray(c.any)) return combine('any', c.any as Condition[], ctx);
  if ('not' in c && c.not && typeof c.not === 'object') {
    const inner = evaluateCondition(c.not as Condition, ctx);
    return { result: !inner.result, inputs: inner.inputs, fact: inner.fact };
  }
  if (c.always === true) return { result: true, inputs: [{ test: 'always', result: true }], fact: 'always' };
  if (typeof c.property === 'string') return propertyTest(c.property, c as OperatorTest, ctx, undefined);
  if (c.stage && typeof c.stage === 'object') {
    if (!ctx.stagePolicy) return invalid('a stage test needs the contract to declare a stagePolicy');
    const order = ctx.stagePolicy.order ?? ctx.stageOrders?.[ctx.stagePolicy.property];
    return propertyTest(ctx.stagePolicy.property, c.stage as OperatorTest, ctx, order);
  }
  if (typeof c.inContract === 'string') return inContract(c.inContract, ctx);
  if (typeof c.inLane === 'string') return inLane(c.inLane, ctx);
  if (typeof c.completed === 'string') return completed(c as { completed: string; within?: string; exit?: string }, ctx);
  return invalid(`unrecognised condition ${quoteValue(condition)}`);
}

function combine(kind: 'all' | 'any', parts: Condition[], ctx: ConditionContext): ConditionResult {
  const results = parts.map((part) => evaluateCondition(part, ctx));
  const inputs = results.flatMap((r) => r.inputs);
  const result = kind === 'all' ? results.every((r) => r.result) : results.some((r) => r.result);
  // The facts that decided: for a failed `all`, the failing parts; for a passed `any`, the first
  // passing part; otherwise all of them.
  const deciding =
    kind === 'all' && !result ? results.filter((r) => !r.result)
    : kind === 'any' && result ? results.filter((r) => r.result).slice(0, 1)
    : results;
  const fact = deciding.length === 0 ? (kind === 'all' ? 'nothing to require' : 'no alternatives') : deciding.map((r) => r.fact).join('; ');
  return { result, inputs, fact };
}

function invalid(detail: string): ConditionResult {
  return { result: false, inputs: [{ test: 'invalid', detail, result: false }], fact: detail };
}

function propertyTest(property: string, test: OperatorTest, ctx: ConditionContext, order?: readonly string[]): ConditionResult {
  const used = OPERATORS.filter((op) => test[op] !== undefined);
  const operator = used[0];
  if (used.length !== 1 || operator === undefined) return invalid(`the test on ${property} needs exactly one operator`);
  const expected = test[operator];
  const actual = ownValue(ctx.record.properties, property) ?? null;
  const result = applyOperator(operator, expected, actual, property, ctx, order);
  const input: ConditionInput = { test: 'property', property, operator, expected, actual, result };
  const shown = isUnknown(actual) ? 'unknown' : quoteValue(actual);
  const fact =
    operator === 'changed'
      ? `${property} ${result ? 'changed' : 'did not change'}`
      : `${property} is ${shown} (test: ${operator} ${Array.isArray(expected) ? expected.map(quoteValue).join(', ') : quoteValue(expected)})`;
  return { result, inputs: [input], fact };
}

function applyOperator(
  operator: Operator,
  expected: unknown,
  actual: string | null,
  property: string,
  ctx: ConditionContext,
  order: readonly string[] | undefined,
): boolean {
  switch (operator) {
    case 'eq':
      return valueEquals(actual, expected as ContractValue);
    case 'neq':
      return !valueEquals(actual, expected as ContractValue);
    case 'in':
      return Array.isArray(expected) && expected.some((v) => valueEquals(actual, v as ContractValue));
    case 'notIn':
      return Array.isArray(expected) && !expected.some((v) => valueEquals(actual, v as ContractValue));
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const sign = ordered(actual, expected as string | number, order);
      if (sign === undefined) return false;
      return operator === 'gt' ? sign > 0 : operator === 'gte' ? sign >= 0 : operator === 'lt' ? sign < 0 : sign <= 0;
    }
    case 'contains':
      // Case-insensitive, so "Acme" finds "ACME Corp"; multi-select values ("a;b") work too.
      return !isUnknown(actual) && actual.toLowerCase().includes(String(expected).toLowerCase());
    case 'known':
      return isUnknown(actual) !== (expected === true);
    case 'changed':
      return changedNow(property, ctx);
  }
}

/** With a stage order, stages compare by position; otherwise by value (see compare-values). */
function ordered(actual: string | null, expected: string | number, order: readonly string[] | undefined): number | undefined {
  if (order && typeof expected === 'string') {
    const [a, b] = [actual === null ? -1 : order.indexOf(actual), order.indexOf(expected)];
    return a < 0 || b < 0 ? undefined : Math.sign(a - b);
  }
  return orderValues(actual, expected);
}

function changedNow(property: string, ctx: ConditionContext): boolean {
  if (ctx.changed?.includes(property)) return true;
  if (!ctx.changedFrom || !Object.hasOwn(ctx.changedFrom, property)) return false;
  const [before, now] = [ownValue(ctx.changedFrom, property) ?? null, ownValue(ctx.record.properties, property) ?? null];
  return !(isUnknown(before) && isUnknown(now)) && before !== now;
}

function inContract(key: string, ctx: ConditionContext): ConditionResult {
  const active = ctx.shared.activeRuns.filter((r) => r.runId !== ctx.selfRunId).map((r) => r.contractKey);
  const result = key === 'any' ? active.length > 0 : active.includes(key);
  const fact =
    active.length === 0 ? 'the record is in no other contract'
    : key === 'any' || result ? `the record is in ${active.join(', ')}`
    : `the record is not in ${key} (it is in ${active.join(', ')})`;
  return { result, inputs: [{ test: 'inContract', contract: key, activeContracts: active, result }], fact };
}

function inLane(lane: string, ctx: ConditionContext): ConditionResult {
  const holders = ctx.shared.heldLanes.filter((h) => h.lane === lane && h.runId !== ctx.selfRunId).map((h) => h.contractKey);
  const result = holders.length > 0;
  const fact = result ? `the record holds lane '${lane}' through ${holders.join(', ')}` : `the record holds no '${lane}' lane`;
  return { result, inputs: [{ test: 'inLane', lane, holders, result }], fact };
}

function completed(test: { completed: string; within?: string; exit?: string }, ctx: ConditionContext): ConditionResult {
  const within = test.within === undefined ? undefined : parseIsoDuration(test.within);
  if (test.within !== undefined && within === undefined) return invalid(`'${test.within}' is not an ISO-8601 duration`);
  const matches = ctx.shared.completed.filter(
    (run) =>
      run.contractKey === test.completed &&
      (test.exit === undefined || run.exitId === test.exit) &&
      (within === undefined || addIsoDuration(run.exitedAt, within).getTime() >= ctx.now.getTime()),
  );
  const result = matches.length > 0;
  const scope = `${test.exit ? ` through ${test.exit}` : ''}${test.within ? ` within ${test.within}` : ''}`;
  const last = matches.map((m) => m.exitedAt.toISOString()).sort().at(-1);
  const fact = result ? `${test.completed} ended${scope} (last on ${last})` : `${test.completed} has not ended${scope}`;
  return {
    result,
    inputs: [{ test: 'completed', contract: test.completed, within: test.within, exit: test.exit, matches: matches.length, result }],
    fact,
  };
}

