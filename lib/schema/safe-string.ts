/**
 * Text PostgreSQL can store. A `text`/`jsonb` value cannot hold U+0000, and a lone UTF-16
 * surrogate (`\ud800` without its pair) has no UTF-8 encoding, so either one reaching a query
 * fails the statement (a 500). Every string that crosses a trust boundary is refused here first,
 * with a message that names the problem, so the caller gets a 400 naming the field.
 *
 * Pure: no I/O. `safeString()` is the zod type for schemas; `findUnsafeText` walks any parsed
 * JSON value (keys too) for the places a schema lets through unknown fields (passthrough).
 */
import { z } from 'zod';

/** A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag: code units). */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Why `text` cannot be stored, or undefined when it can. */
export function unsafeTextReason(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain a NUL character (\\u0000)';
  if (LONE_SURROGATE.test(text)) return 'must not contain an unpaired UTF-16 surrogate (e.g. \\ud800)';
  return undefined;
}

/** True when PostgreSQL can store `text` as is. */
export function isSafeText(text: string): boolean {
  return unsafeTextReason(text) === undefined;
}

/** The zod refinement itself, for schemas built from another string type (e.g. `.regex()` chains). */
export function refineSafeText(text: string, context: z.RefinementCtx): void {
  const reason = unsafeTextReason(text);
  if (reason) context.addIssue({ code: 'custom', message: reason });
}

/** A string PostgreSQL can store. Chain further checks on `z.string()` before passing it in. */
export function safeString(base: z.ZodString = z.string()) {
  return base.superRefine(refineSafeText);
}

/** Where unsafe text sits in a JSON-like value: a path (keys and indexes) and the reason. */
export type UnsafeTextFinding = { path: (string | number)[]; reason: string };

/**
 * The first string (value or object key) in `value`, in document order, that cannot be stored,
 * or undefined. Walks with an explicit stack (a body nested 100,000 levels deep must not
 * overflow the call stack) and builds the path only for the finding. Parsed JSON has no cycles.
 */
export function findUnsafeText(value: unknown, path: (string | number)[] = []): UnsafeTextFinding | undefined {
  type Node = { value: unknown; key?: string | number; parent?: Node };
  const pathOf = (node: Node, last?: string): (string | number)[] => {
    const keys: (string | number)[] = last === undefined ? [] : [last];
    for (let n: Node | undefined = node; n?.parent; n = n.parent) keys.push(n.key as string | number);
    return [...path, ...keys.reverse()];
  };
  const stack: Node[] = [{ value }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const current = node.value;
    if (typeof current === 'string') {
      const reason = unsafeTextReason(current);
      if (reason) return { path: pathOf(node), reason };
    } else if (Array.isArray(current)) {
      for (let i = current.length - 1; i >= 0; i--) stack.push({ value: current[i], key: i, parent: node });
    } else if (current !== null && typeof current === 'object') {
      const entries = Object.entries(current);
      for (const [key] of entries) {
        // JSON.parse makes `__proto__` an own key, but Prisma, spreads and lookups treat it as
        // the prototype (a crash or pollution downstream); no real input needs it.
        const keyReason = key === '__proto__' ? 'must not be __proto__' : unsafeTextReason(key);
        if (keyReason) return { path: pathOf(node, key), reason: `key ${keyReason}` };
      }
      for (let i = entries.length - 1; i >= 0; i--) stack.push({ value: entries[i]![1], key: entries[i]![0], parent: node });
    }
  }
  return undefined;
}

/** A path as people read it: `steps.0.name`, or `(body)` for the whole value. */
export function formatPath(path: readonly (string | number)[]): string {
  return path.length === 0 ? '(body)' : path.map(String).join('.');
}

const UNSAFE_CHARS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with each NUL and lone surrogate written as `\uXXXX`, for logs and stored reasons. */
export function escapeUnsafeText(text: string): string {
  return text.replace(UNSAFE_CHARS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
