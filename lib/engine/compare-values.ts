/**
 * Comparing HubSpot property values with contract values. HubSpot sends every value as a
 * string ("50", "true", "1764460800000", "2026-11-30T10:00:00Z"), while a contract may say
 * `{ "gte": 50 }`, `{ "eq": true }` or `{ "lt": "2026-12-01" }`. Comparing the raw strings would
 * make "9" greater than "10", so values are compared by meaning:
 *
 * - a number in the contract compares numerically; a value that is not a number never matches;
 * - a boolean compares with HubSpot's "true"/"false" (any case);
 * - `null` matches an unknown value (null or the empty string HubSpot uses for "cleared");
 * - two strings compare as numbers when both are numbers, as instants when both are dates
 *   (ISO text or epoch milliseconds), and otherwise as exact text (enumeration values).
 */

/** A value a contract compares with. */
export type ContractValue = string | number | boolean | null;

/** True when HubSpot holds no value: null, missing or the empty string. */
export function isUnknown(actual: string | null | undefined): actual is null | undefined | '' {
  return actual === null || actual === undefined || actual.trim() === '';
}

/** The number a HubSpot value stands for, or undefined when it is not a plain number. */
export function asNumber(text: string): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '' || !/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : undefined;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant a HubSpot date value stands for (ISO text or epoch ms), or undefined. */
export function asInstant(text: string): number | undefined {
  const trimmed = text.trim();
  if (ISO_DATE.test(trimmed)) {
    const ms = Date.parse(trimmed.length === 10 ? `${trimmed}T00:00:00Z` : trimmed);
    return Number.isNaN(ms) ? undefined : ms;
  }
  // Epoch milliseconds: 12 or 13 digits covers 1973..2286, and never a small count like "50".
  if (/^\d{12,13}$/.test(trimmed)) return Number(trimmed);
  return undefined;
}

/** `actual eq expected` by meaning (see the module header). */
export function valueEquals(actual: string | null | undefined, expected: ContractValue): boolean {
  if (expected === null) return isUnknown(actual);
  if (isUnknown(actual)) return false;
  if (typeof expected === 'boolean') return actual.trim().toLowerCase() === String(expected);
  if (typeof expected === 'number') return asNumber(actual) === expected;
  if (actual === expected) return true;
  return orderValues(actual, expected) === 0;
}

/**
 * Orders a HubSpot value against a contract value: negative, zero or positive, or undefined
 * when the two cannot be ordered (an unknown value, or a number against text).
 */
export function orderValues(actual: string | null | undefined, expected: string | number): number | undefined {
  if (isUnknown(actual)) return undefined;
  if (typeof expected === 'number') {
    const n = asNumber(actual);
    return n === undefined ? undefined : Math.sign(n - expected);
  }
  // Instants first: an epoch-ms value is also a number, and must still order against ISO text.
  const [ta, tb] = [asInstant(actual), asInstant(expected)];
  if (ta !== undefined && tb !== undefined) return Math.sign(ta - tb);
  const [a, b] = [asNumber(actual), asNumber(expected)];
  if (a !== undefined && b !== undefined) return Math.sign(a - b);
  if (a !== undefined || b !== undefined || ta !== undefined || tb !== undefined) return undefined;
  return actual < expected ? -1 : actual > expected ? 1 : 0;
}
