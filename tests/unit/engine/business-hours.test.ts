import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDuration } from '@/lib/contracts/iso-duration';
import { addBusinessDuration } from '@/lib/engine/business-hours';
import { fromLocal, isValidTimeZone, toLocal, weekday } from '@/lib/engine/time-zone';

const NY = 'America/New_York';
const add = (startIso: string, duration: string, tz = NY) => {
  const parsed = parseIsoDuration(duration);
  if (!parsed) throw new Error(duration);
  return addBusinessDuration(new Date(startIso), parsed, tz).toISOString();
};

describe('time zones', () => {
  it('reads local wall-clock time', () => {
    expect(toLocal(new Date('2026-11-30T14:30:00Z'), NY)).toEqual({ year: 2026, month: 11, day: 30, msOfDay: 9.5 * 3600_000 });
    expect(weekday({ year: 2026, month: 11, day: 30 })).toBe(1);
  });

  it('turns a missing local time (spring forward) into the later instant', () => {
    // 2026-03-08 02:30 does not exist in New York; the clock shows 03:30 EDT instead.
    expect(fromLocal({ year: 2026, month: 3, day: 8, msOfDay: 2.5 * 3600_000 }, NY).toISOString()).toBe('2026-03-08T07:30:00.000Z');
  });

  it('turns a repeated local time (fall back) into the earlier instant', () => {
    expect(fromLocal({ year: 2026, month: 11, day: 1, msOfDay: 1.5 * 3600_000 }, NY).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });

  it('knows which zones exist', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus')).toBe(false);
  });
});

describe('addBusinessDuration', () => {
  it('counts days as calendar days at the same local time, across a DST change', () => {
    // Friday 10:00 EST + 3 days = Monday 10:00 EDT (DST began Sunday 2026-03-08).
    expect(add('2026-03-06T15:00:00Z', 'P3D')).toBe('2026-03-09T14:00:00.000Z');
    // Berlin falls back on 2026-10-25: Friday 10:00 CEST + P3D = Monday 10:00 CET.
    expect(add('2026-10-23T08:00:00Z', 'P3D', 'Europe/Berlin')).toBe('2026-10-26T09:00:00.000Z');
    // A week is seven days: Monday to Monday.
    expect(add('2026-11-30T15:00:00Z', 'P1W')).toBe('2026-12-07T15:00:00.000Z');
  });

  it('moves a due time that falls on a weekend or after hours to the next opening', () => {
    // Friday 16:00 + 1 day = Saturday 16:00 → Monday 09:00 EST.
    expect(add('2026-11-27T21:00:00Z', 'P1D')).toBe('2026-11-30T14:00:00.000Z');
    // Thursday 10:00 + 3 days = Sunday → Monday 09:00.
    expect(add('2026-11-26T15:00:00Z', 'P3D')).toBe('2026-11-30T14:00:00.000Z');
    // Tuesday 18:00 + 1 day = Wednesday 18:00 → Thursday 09:00.
    expect(add('2026-12-01T23:00:00Z', 'P1D')).toBe('2026-12-03T14:00:00.000Z');
    // Days, then open hours: Friday 16:00 + P1DT2H = Monday 11:00.
    expect(add('2026-11-27T21:00:00Z', 'P1DT2H')).toBe('2026-11-30T16:00:00.000Z');
  });

  it('carries open time over closing time and the weekend', () => {
    // Friday 16:00 EST + 2 open hours = Monday 10:00 EST.
    expect(add('2026-11-27T21:00:00Z', 'PT2H')).toBe('2026-11-30T15:00:00.000Z');
    // Exactly the rest of the day lands on closing time, not the next morning.
    expect(add('2026-11-30T21:00:00Z', 'PT1H')).toBe('2026-11-30T22:00:00.000Z');
  });

  it('starts counting at the next opening when begun outside business hours', () => {
    // Saturday → Monday 09:10.
    expect(add('2026-11-28T18:00:00Z', 'PT10M')).toBe('2026-11-30T14:10:00.000Z');
    // Tuesday 07:00 → 09:30.
    expect(add('2026-12-01T12:00:00Z', 'PT30M')).toBe('2026-12-01T14:30:00.000Z');
    // Exactly at closing (17:00) → next morning 10:00.
    expect(add('2026-12-01T22:00:00Z', 'PT1H')).toBe('2026-12-02T15:00:00.000Z');
  });

  it('adds calendar months, then moves to the next business moment', () => {
    // Friday 2026-01-30 10:00 UTC + 1 month = Saturday 2026-02-28 → Monday 2026-03-02 09:00.
    expect(add('2026-01-30T10:00:00Z', 'P1M', 'UTC')).toBe('2026-03-02T09:00:00.000Z');
  });

  it('works in zones with half-hour offsets', () => {
    // Monday 08:30 IST → opens 09:00 → +1h = 10:00 IST = 04:30Z.
    expect(add('2026-11-30T03:00:00Z', 'PT1H', 'Asia/Kolkata')).toBe('2026-11-30T04:30:00.000Z');
  });

  it('always ends inside opening hours on a weekday, never before the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2027, 11, 31) }),
        fc.integer({ min: 1, max: 3000 }),
        fc.constantFrom(NY, 'Europe/Berlin', 'Australia/Sydney', 'UTC'),
        (startMs, minutes, tz) => {
          const end = addBusinessDuration(new Date(startMs), parseIsoDuration(`PT${minutes}M`)!, tz);
          const local = toLocal(end, tz);
          expect(end.getTime()).toBeGreaterThan(startMs);
          expect([1, 2, 3, 4, 5]).toContain(weekday(local));
          expect(local.msOfDay).toBeGreaterThan(9 * 3600_000);
          expect(local.msOfDay).toBeLessThanOrEqual(17 * 3600_000);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('addBusinessDuration against a minute-by-minute count', () => {
  const open = (t: number, tz: string) => {
    const local = toLocal(new Date(t), tz);
    return [1, 2, 3, 4, 5].includes(weekday(local)) && local.msOfDay >= 9 * 3600_000 && local.msOfDay < 17 * 3600_000;
  };

  it('counts exactly the open minutes, across weekends and DST changes', () => {
    fc.assert(
      fc.property(
        // Minute-aligned starts around the 2026 DST changes in New York and Berlin.
        fc.constantFrom(Date.UTC(2026, 2, 5), Date.UTC(2026, 2, 27), Date.UTC(2026, 9, 23), Date.UTC(2026, 9, 30)),
        fc.integer({ min: 0, max: 4 * 24 * 60 }),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom(NY, 'Europe/Berlin'),
        (base, offsetMinutes, minutes, tz) => {
          const start = base + offsetMinutes * 60_000;
          let t = start;
          for (let counted = 0; counted < minutes; t += 60_000) if (open(t, tz)) counted++;
          expect(addBusinessDuration(new Date(start), parseIsoDuration(`PT${minutes}M`)!, tz).getTime()).toBe(t);
        },
      ),
      { numRuns: 40 },
    );
  });
});
