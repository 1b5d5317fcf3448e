/**
 * Wall-clock time in an IANA time zone, using only `Intl` (no time-zone library). Converting a
 * local time back to an instant is the subtle part: around a DST change a local time can be
 * missing (spring forward) or happen twice (fall back). We take the later instant for a missing
 * time (02:30 on a spring-forward night becomes 03:30) and the earlier one for a repeated time,
 * which is what a person setting an alarm would expect.
 */

/** A local date and time of day; `month` is 1–12. */
export interface LocalTime {
  year: number;
  month: number;
  day: number;
  /** Milliseconds since local midnight. */
  msOfDay: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local wall-clock time of `instant` in `timeZone`. */
export function toLocal(instant: Date, timeZone: string): LocalTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(timeZone).formatToParts(instant)) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  const msOfDay = (((parts.hour ?? 0) * 60 + (parts.minute ?? 0)) * 60 + (parts.second ?? 0)) * 1000 + ms;
  return { year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1, msOfDay };
}

/** The offset of `timeZone` from UTC at `instant`, in ms (positive east of Greenwich). */
function offsetAt(instantMs: number, timeZone: string): number {
  const l = toLocal(new Date(instantMs), timeZone);
  return Date.UTC(l.year, l.month - 1, l.day) + l.msOfDay - instantMs;
}

/** The instant at which the wall clock in `timeZone` shows `local` (see the module header). */
export function fromLocal(local: LocalTime, timeZone: string): Date {
  const asUtc = Date.UTC(local.year, local.month - 1, local.day) + local.msOfDay;
  // The offset can differ on either side of a DST change; try both and keep what round-trips.
  const before = asUtc - offsetAt(asUtc - 36 * 3600_000, timeZone);
  const after = asUtc - offsetAt(asUtc + 36 * 3600_000, timeZone);
  const candidates = [before, after].filter((t) => offsetAt(t, timeZone) === asUtc - t).sort((a, b) => a - b);
  if (candidates.length > 0) return new Date(candidates[0] as number);
  // A missing local time (spring forward): the wall clock jumps over it, so move forward by
  // the size of the jump, measured with the offset from before the change.
  return new Date(Math.max(before, after));
}

/** Day of week of a local date: 0 = Sunday … 6 = Saturday. */
export function weekday(local: Pick<LocalTime, 'year' | 'month' | 'day'>): number {
  return new Date(Date.UTC(local.year, local.month - 1, local.day)).getUTCDay();
}

/** The local date `days` days after `local` (calendar days), keeping the time of day. */
export function addLocalDays(local: LocalTime, days: number): LocalTime {
  const d = new Date(Date.UTC(local.year, local.month - 1, local.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), msOfDay: local.msOfDay };
}

/** The local date `months` calendar months after `local`, clamped to the month's last day. */
export function addLocalMonths(local: LocalTime, months: number): LocalTime {
  const first = new Date(Date.UTC(local.year, local.month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return { year: first.getUTCFullYear(), month: first.getUTCMonth() + 1, day: Math.min(local.day, lastDay), msOfDay: local.msOfDay };
}
