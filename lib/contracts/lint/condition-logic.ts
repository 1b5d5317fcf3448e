/**
 * Static reasoning about conditions, shared by the rules that must be quiet unless a problem is
 * provable: what a filter requires of a property, which contracts or lanes it excludes, and a
 * three-valued evaluation against partially known facts (true / false / unknown).
 */
import type { Condition, PropertyTest, Scalar } from '../condition-schema';
import type { PointerSegment } from '../json-pointer';

/** The top-level conjuncts of a condition (flattening nested `all`), each with its path. */
export function conjuncts(condition: Condition, path: PointerSegment[] = []): { condition: Condition; path: PointerSegment[] }[] {
  if ('all' in condition) return condition.all.flatMap((c, i) => conjuncts(c, [...path, 'all', i]));
  return [{ condition, path }];
}

/** What a conjunction requires of one property. */
export type Requirement = { eq?: string; in?: string[]; neq: string[]; known?: boolean; min?: string; gte: string[] };

/** Normalised value for equality across HubSpot's string-typed values (`50` equals `"50"`). */
export function norm(value: Scalar): string {
  return value === null ? '' : String(value);
}

/** Property requirements of a condition's conjuncts; `stage` tests count for `stageProperty`. */
export function requirements(condition: Condition | undefined, stageProperty: string): Map<string, Requirement> {
  const out = new Map<string, Requirement>();
  if (!condition) return out;
  for (const { condition: c } of conjuncts(condition)) {
    let test: Partial<PropertyTest> | undefined;
    let negated = false;
    if ('property' in c) test = c;
    else if ('stage' in c) test = { property: stageProperty, ...c.stage };
    else if ('not' in c && 'property' in c.not) {
      test = c.not;
      negated = true;
    } else if ('not' in c && 'stage' in c.not) {
      test = { property: stageProperty, ...c.not.stage };
      negated = true;
    }
    if (!test?.property) continue;
    const req = out.get(test.property) ?? { neq: [], gte: [] };
    out.set(test.property, req);
    const eq = negated ? test.neq : test.eq;
    const neq = negated ? test.eq : test.neq;
    const inList = negated ? test.notIn : test.in;
    const notIn = negated ? test.in : test.notIn;
    if (eq !== undefined) req.eq = norm(eq);
    if (neq !== undefined) req.neq.push(norm(neq));
    if (inList) req.in = inList.map(norm);
    if (notIn) req.neq.push(...notIn.map(norm));
    if (test.known !== undefined) req.known = negated ? !test.known : test.known;
    if (!negated && test.gte !== undefined) req.gte.push(norm(test.gte));
  }
  return out;
}

/** True when no value can satisfy both requirements (so two filters can never both accept). */
export function contradicts(a: Requirement, b: Requirement): boolean {
  const allowed = (req: Requirement, value: string) =>
    (req.eq === undefined || req.eq === value) && (!req.in || req.in.includes(value)) && !req.neq.includes(value);
  if (a.known !== undefined && b.known !== undefined && a.known !== b.known) return true;
  const candidates = a.eq !== undefined ? [a.eq] : a.in ? a.in : b.eq !== undefined ? [b.eq] : b.in;
  if (!candidates) return false;
  return !candidates.some((value) => allowed(a, value) && allowed(b, value));
}

/** Contracts and lanes a filter refuses to start beside (`not inContract`, `not inLane`). */
export type Exclusion = { anyContract: boolean; contracts: Set<string>; lanes: Set<string> };

/** The exclusions among a filter's top-level conjuncts. */
export function exclusions(condition: Condition | undefined): Exclusion {
  const out: Exclusion = { anyContract: false, contracts: new Set(), lanes: new Set() };
  if (!condition) return out;
  for (const { condition: c } of conjuncts(condition)) {
    if (!('not' in c)) continue;
    const inner = c.not;
    if ('inContract' in inner) {
      if (inner.inContract === 'any') out.anyContract = true;
      else out.contracts.add(inner.inContract);
    } else if ('inLane' in inner) out.lanes.add(inner.inLane);
  }
  return out;
}

/** Three-valued truth. */
export type Truth = true | false | 'unknown';

/** Facts known at some moment: property values, active runs, lanes, completed runs. */
export type KnownFacts = {
  properties: ReadonlyMap<string, Scalar>;
  stageProperty: string;
  /** Answers for shared-state tests; `unknown` when the facts do not say. */
  inContract(key: string): Truth;
  inLane(lane: string): Truth;
  completed(key: string, exit: string | undefined): Truth;
};

/** Evaluates `condition` against partial facts; `path` of a false result points at the culprit. */
export function evaluate(condition: Condition, facts: KnownFacts, path: PointerSegment[] = []): { truth: Truth; path: PointerSegment[] } {
  if ('always' in condition) return { truth: true, path };
  if ('all' in condition) {
    let truth: Truth = true;
    for (const [i, c] of condition.all.entries()) {
      const r = evaluate(c, facts, [...path, 'all', i]);
      if (r.truth === false) return r;
      if (r.truth === 'unknown') truth = 'unknown';
    }
    return { truth, path };
  }
  if ('any' in condition) {
    let truth: Truth = false;
    for (const [i, c] of condition.any.entries()) {
      const r = evaluate(c, facts, [...path, 'any', i]);
      if (r.truth === true) return r;
      if (r.truth === 'unknown') truth = 'unknown';
    }
    return { truth, path };
  }
  if ('not' in condition) {
    const r = evaluate(condition.not, facts, [...path, 'not']);
    return { truth: r.truth === 'unknown' ? 'unknown' : !r.truth, path };
  }
  if ('inContract' in condition) return { truth: facts.inContract(condition.inContract), path };
  if ('inLane' in condition) return { truth: facts.inLane(condition.inLane), path };
  if ('completed' in condition) return { truth: facts.completed(condition.completed, condition.exit), path };
  const test: PropertyTest = 'stage' in condition ? { property: facts.stageProperty, ...condition.stage } : condition;
  if (!facts.properties.has(test.property)) return { truth: 'unknown', path };
  return { truth: testValue(test, facts.properties.get(test.property) ?? null), path };
}

function testValue(test: PropertyTest, actual: Scalar): Truth {
  const value = norm(actual);
  if (test.eq !== undefined) return value === norm(test.eq);
  if (test.neq !== undefined) return value !== norm(test.neq);
  if (test.in !== undefined) return test.in.map(norm).includes(value);
  if (test.notIn !== undefined) return !test.notIn.map(norm).includes(value);
  if (test.known !== undefined) return (value !== '') === test.known;
  // Ordering, substring and change tests depend on types and history the linter does not know.
  return 'unknown';
}
