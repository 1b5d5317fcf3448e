/** RFC 6901 JSON pointers, and the dotted form (`steps[2].wait`) used in plain-words messages. */

/** A pointer segment: an object key or an array index. */
export type PointerSegment = string | number;

/** Builds a JSON pointer from segments: `["steps", 2, "wait"]` → `/steps/2/wait`. */
export function toPointer(segments: readonly PointerSegment[]): string {
  let out = '';
  for (const segment of segments) {
    const text = String(segment);
    // Most segments are plain keys or indexes: skip the escaping regexes for them (hot in the linter).
    out += `/${text.includes('~') || text.includes('/') ? text.replace(/~/g, '~0').replace(/\//g, '~1') : text}`;
  }
  return out;
}

/** Splits a JSON pointer into segments (numeric-looking segments stay strings). */
export function fromPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The dotted form of a pointer for messages: `/steps/2/wait` → `steps[2].wait`. */
export function toDotted(pointer: string): string {
  const parts = fromPointer(pointer);
  if (parts.length === 0) return 'contract';
  return parts.reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** The value at `pointer` inside `root`, or `undefined`. */
export function valueAt(root: unknown, pointer: string): unknown {
  let current = root;
  for (const part of fromPointer(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
}

/** True when `inner` is `outer` or lies inside it. */
export function isWithin(inner: string, outer: string): boolean {
  return inner === outer || inner.startsWith(`${outer}/`);
}
