/**
 * The one id type for HubSpot ids (portal, object, event, user, record) at every boundary:
 * decimal digits whose value fits PostgreSQL's `bigint` (signed int64). A longer or larger id
 * cannot be stored and used to fail the query with a 500; here it is a 400 naming the field.
 *
 * Pure: no I/O. Ids stay strings (JSON numbers past 2^53 lose digits; see `int64IdOrNumber`).
 */
import { z } from 'zod';

/** PostgreSQL's largest `bigint`. */
export const INT64_MAX = 9223372036854775807n;

const DIGITS = /^(?:0|[1-9]\d{0,18})$/;

/** Why `text` is not an int64 id, or undefined when it is one. */
export function int64IdProblem(text: string): string | undefined {
  if (!DIGITS.test(text)) return 'must be a decimal id (digits only, no leading zeros, at most 19)';
  if (BigInt(text) > INT64_MAX) return `must be at most ${INT64_MAX} (a 64-bit id)`;
  return undefined;
}

/** True when `text` is a decimal id that fits int64. */
export function isInt64Id(text: string): boolean {
  return int64IdProblem(text) === undefined;
}

/** An id given as a string of digits within int64; the value stays the canonical string. */
export function int64Id() {
  return z.string().superRefine((text, context) => {
    const problem = int64IdProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });
}

/** The same id, turned into a `bigint` for Prisma/SQL. */
export function int64IdBigint() {
  return int64Id().transform((text) => BigInt(text));
}

/**
 * An id that JSON may carry as a number (HubSpot webhooks do) or as a string. A number must be
 * an exact non-negative integer: past 2^53 a JSON number has already lost digits, so only a
 * safe integer is taken; a larger id must come as a string. The result is the canonical string.
 */
export function int64IdOrNumber() {
  return z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER).transform(String), z.string()]).pipe(int64Id());
}
