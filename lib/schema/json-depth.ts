/**
 * How deeply a parsed JSON value nests. Recursive code downstream (zod's recursive condition
 * schemas, the contract reader, the engine) would overflow the call stack on a body nested tens
 * of thousands of levels deep, a 500 from a single small request; boundaries refuse such input
 * first. Iterative, so measuring cannot overflow either. Pure.
 */

/** Deeper than any real contract, event or request body (a contract's conditions nest a few levels). */
export const MAX_JSON_DEPTH = 64;

/** True when `value` has arrays/objects nested more than `max` levels deep. */
export function nestsDeeperThan(value: unknown, max: number = MAX_JSON_DEPTH): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const inner of Array.isArray(current) ? current : Object.values(current)) {
      if (inner !== null && typeof inner === 'object') stack.push({ value: inner, depth: depth + 1 });
    }
  }
  return false;
}

/**
 * `value` as JSON text with everything nested deeper than `max` replaced by a marker, so even
 * an absurdly deep value can be logged or kept (JSON.stringify itself recurses without limit).
 */
export function truncatedJson(value: unknown, max: number = MAX_JSON_DEPTH): string {
  const walk = (v: unknown, depth: number): unknown => {
    if (v === null || typeof v !== 'object') return v;
    if (depth >= max) return '[nested too deeply]';
    if (Array.isArray(v)) return v.map((inner) => walk(inner, depth + 1));
    return Object.fromEntries(Object.entries(v).map(([k, inner]) => [k, walk(inner, depth + 1)]));
  };
  return JSON.stringify(walk(value, 0)) ?? 'null';
}
