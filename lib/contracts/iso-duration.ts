/**
 * ISO-8601 durations (`P3D`, `PT10M`, `P1Y2M`, `P2W`) as used by waits, timeouts, re-enrollment
 * and limits. Years and months are calendar units, so a duration is kept as its parts and only
 * turned into milliseconds on purpose (approximately) or added to a date (exactly, in UTC).
 */

/** The parts of an ISO-8601 duration. Each part is a non-negative number (seconds may be fractional). */
export type IsoDuration = {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
};

/**
 * ISO-8601 duration: at least one part, and a `T` only when a time part follows. Exported so the
 * JSON Schema carries the same check as the parser (lookaheads are valid in ECMA-262 patterns).
 */
export const ISO_DURATION_PATTERN =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/**
 * The longest duration any timed field may hold: 100 years (36,500 days). A due time must be a
 * date that JavaScript and PostgreSQL can hold (JS dates end in the year 275760) and that
 * business-hours arithmetic can reach in bounded work; `PT99999999999999H` or `P999999999Y`
 * is a typo or an attack, never a business rule.
 */
export const MAX_DURATION_YEARS = 100;
const MAX_DURATION_MS = MAX_DURATION_YEARS * 365 * 24 * 3600_000;

/** Syntax only: `text` has the form of an ISO-8601 duration, whatever its length. */
function matchParts(text: string): IsoDuration | undefined {
  const match = ISO_DURATION_PATTERN.exec(text);
  if (!match) return undefined;
  const [, y, mo, w, d, h, mi, s] = match;
  if ([y, mo, w, d, h, mi, s].every((part) => part === undefined)) return undefined;
  const n = (part: string | undefined) => (part === undefined ? 0 : Number(part));
  return { years: n(y), months: n(mo), weeks: n(w), days: n(d), hours: n(h), minutes: n(mi), seconds: n(s) };
}

/** True when `text` has the form of a duration but is longer than {@link MAX_DURATION_YEARS}. */
export function isOverlongIsoDuration(text: string): boolean {
  const parts = matchParts(text);
  return parts !== undefined && !withinMaximum(parts);
}

function withinMaximum(duration: IsoDuration): boolean {
  const ms = isoDurationToMilliseconds(duration);
  return Number.isFinite(ms) && ms <= MAX_DURATION_MS;
}

/**
 * Parses `text` as an ISO-8601 duration; `undefined` when it is not one, has no part at all, or
 * is longer than {@link MAX_DURATION_YEARS} (so every parsed duration gives a real due time).
 */
export function parseIsoDuration(text: string): IsoDuration | undefined {
  const parts = matchParts(text);
  return parts && withinMaximum(parts) ? parts : undefined;
}

/** True when `text` is an ISO-8601 duration within the maximum. */
export function isIsoDuration(text: string): boolean {
  return parseIsoDuration(text) !== undefined;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * Milliseconds for a duration, counting a month as 30 days and a year as 365 days. Good for
 * comparisons and budgets; use {@link addIsoDuration} to compute a due time.
 */
export function isoDurationToMilliseconds(duration: IsoDuration): number {
  return (
    duration.years * 365 * DAY +
    duration.months * 30 * DAY +
    duration.weeks * 7 * DAY +
    duration.days * DAY +
    duration.hours * HOUR +
    duration.minutes * MINUTE +
    duration.seconds * SECOND
  );
}

/** `from` plus `duration`, calendar-aware in UTC (1 month after Jan 31 is the last day of February). */
export function addIsoDuration(from: Date, duration: IsoDuration): Date {
  const result = new Date(from.getTime());
  const monthsToAdd = duration.years * 12 + duration.months;
  if (monthsToAdd > 0) {
    const day = result.getUTCDate();
    result.setUTCDate(1);
    result.setUTCMonth(result.getUTCMonth() + monthsToAdd);
    const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
    result.setUTCDate(Math.min(day, lastDay));
  }
  const fixed = isoDurationToMilliseconds({ ...duration, years: 0, months: 0 });
  return new Date(result.getTime() + fixed);
}
