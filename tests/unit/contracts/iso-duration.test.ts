import { describe, expect, it } from 'vitest';
import { addIsoDuration, isIsoDuration, isoDurationToMilliseconds, parseIsoDuration } from '../../../lib/contracts/iso-duration';

describe('ISO-8601 durations', () => {
  it('parses every unit', () => {
    expect(parseIsoDuration('P1Y2M3W4DT5H6M7.5S')).toEqual({ years: 1, months: 2, weeks: 3, days: 4, hours: 5, minutes: 6, seconds: 7.5 });
    expect(parseIsoDuration('PT10M')).toEqual({ years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 10, seconds: 0 });
  });

  it('rejects text that is not a duration', () => {
    for (const text of ['ten minutes', 'P', 'PT', 'P1DT', '10M', 'P-1D', 'p1d', 'P1.5D', '']) expect(isIsoDuration(text), text).toBe(false);
  });

  it('turns fixed units into milliseconds', () => {
    expect(isoDurationToMilliseconds(parseIsoDuration('PT10M')!)).toBe(600_000);
    expect(isoDurationToMilliseconds(parseIsoDuration('P1DT1H')!)).toBe(25 * 3_600_000);
  });

  it('adds calendar months by the calendar', () => {
    expect(addIsoDuration(new Date('2026-01-31T09:00:00Z'), parseIsoDuration('P1M')!).toISOString()).toBe('2026-02-28T09:00:00.000Z');
    expect(addIsoDuration(new Date('2024-01-31T09:00:00Z'), parseIsoDuration('P1M')!).toISOString()).toBe('2024-02-29T09:00:00.000Z');
    expect(addIsoDuration(new Date('2026-11-30T00:00:00Z'), parseIsoDuration('P1Y2DT3H')!).toISOString()).toBe('2027-12-02T03:00:00.000Z');
  });
});
