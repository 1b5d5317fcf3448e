/**
 * Business-hours arithmetic for `wait` steps with `businessHours: true`, in the portal's time
 * zone (default hours 09:00–17:00, Monday to Friday). How each part of a duration counts:
 *
 * - years, months, weeks and days are calendar time at the same local wall-clock time (P30D is
 *   thirty days later, a month stays monthly); the result is then moved to the next business
 *   moment if it falls outside business hours (Friday 16:00 + P1D = Saturday → Monday 09:00);
 * - hours, minutes and seconds count open time only, starting from the next business moment
 *   and carrying over at closing time to the next business morning (PT2H from Friday 16:00 is
 *   Monday 10:00; PT10M begun on Saturday ends Monday 09:10).
 *
 * Local times are converted with `Intl`, so DST changes keep the wall clock right (a P3D wait
 * across a DST change still ends at the same local time of day).
 */
import type { IsoDuration } from '../contracts/iso-duration';
import { addLocalDays, addLocalMonths, fromLocal, toLocal, weekday, type LocalTime } from './time-zone';

/** Opening hours: local times of day in ms from midnight and open weekdays (0 = Sunday). */
export interface BusinessHours {
  opensAt: number;
  closesAt: number;
  days: readonly number[];
}

const HOUR = 3600_000;
/** Open time a duration may count (100 years of it, far beyond any business wait); see iso-duration.ts. */
const MAX_OPEN_TIME_MS = 100 * 365 * 24 * HOUR;

/** 09:00–17:00, Monday to Friday. */
export const DEFAULT_BUSINESS_HOURS: BusinessHours = { opensAt: 9 * HOUR, closesAt: 17 * HOUR, days: [1, 2, 3, 4, 5] };

function isOpenDay(local: LocalTime, hours: BusinessHours): boolean {
  return hours.days.includes(weekday(local));
}

/** The next open day's opening time strictly after `local`'s day. */
function nextOpening(local: LocalTime, hours: BusinessHours): LocalTime {
  let day = addLocalDays(local, 1);
  for (let i = 0; i < 7 && !isOpenDay(day, hours); i++) day = addLocalDays(day, 1);
  return { ...day, msOfDay: hours.opensAt };
}

/** `local` if the business is open then, otherwise the next opening time. */
export function snapToBusiness(local: LocalTime, hours: BusinessHours = DEFAULT_BUSINESS_HOURS): LocalTime {
  if (!isOpenDay(local, hours) || local.msOfDay >= hours.closesAt) return nextOpening(local, hours);
  if (local.msOfDay < hours.opensAt) return { ...local, msOfDay: hours.opensAt };
  return local;
}

/** `start` plus `duration` counted in business time (see the module header). */
export function addBusinessDuration(
  start: Date,
  duration: IsoDuration,
  timeZone: string,
  hours: BusinessHours = DEFAULT_BUSINESS_HOURS,
): Date {
  if (hours.days.length === 0 || hours.closesAt <= hours.opensAt) throw new RangeError('business hours must be open some time');
  let cur = toLocal(start, timeZone);
  const months = duration.years * 12 + duration.months;
  if (months > 0) cur = addLocalMonths(cur, months);
  const days = duration.weeks * 7 + duration.days;
  if (days > 0) cur = addLocalDays(cur, days);
  cur = snapToBusiness(cur, hours);
  let remaining = Math.round((duration.hours * 60 + duration.minutes) * 60_000 + duration.seconds * 1000);
  if (!Number.isFinite(remaining) || remaining > MAX_OPEN_TIME_MS) throw new RangeError('business-hours duration is too long');
  const perDay = hours.closesAt - hours.opensAt;
  const perWeek = perDay * hours.days.length;
  let skippedWeeks = false;
  while (remaining > 0) {
    // At an opening time, whole weeks are skipped at once (same weekday, same opening time), so
    // the loop below runs at most about eight times whatever the duration: O(1), not O(hours).
    if (!skippedWeeks && cur.msOfDay === hours.opensAt && remaining > perWeek) {
      const weeks = Math.floor((remaining - 1) / perWeek);
      cur = addLocalDays(cur, weeks * 7);
      remaining -= weeks * perWeek;
      skippedWeeks = true;
    }
    const leftToday = hours.closesAt - cur.msOfDay;
    if (remaining <= leftToday) {
      cur = { ...cur, msOfDay: cur.msOfDay + remaining };
      remaining = 0;
    } else {
      remaining -= leftToday;
      cur = nextOpening(cur, hours);
    }
  }
  return fromLocal(cur, timeZone);
}
