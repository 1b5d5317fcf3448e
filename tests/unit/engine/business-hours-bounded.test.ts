/**
 * Issue 9, items 1 and 5: business-hours arithmetic skips whole weeks (bounded work whatever the
 * duration) and agrees with the plain day-by-day walk; it refuses more than the 100-year cap;
 * and a contract that reaches the engine with a wait no date can hold (one stored before the
 * linter refused them) ends its run through `system:unschedulable` instead of a NaN wake-up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Contract } from '@/lib/contracts/schema';
import { addBusinessDuration, DEFAULT_BUSINESS_HOURS, snapToBusiness } from '@/lib/engine/business-hours';
import { fromLocal, toLocal } from '@/lib/engine/time-zone';
import { NO_SHOW } from './fixtures/contracts';
import { Harness, T0 } from './run-harness';

const ZERO = { years: 0, months: 0, weeks: 0, days: 0, hours: 0, minutes: 0, seconds: 0 };
const { opensAt, closesAt } = DEFAULT_BUSINESS_HOURS;

/** The reference: walk open time one business day at a time. */
function dayByDay(start: Date, ms: number, timeZone: string): Date {
  let cur = snapToBusiness(toLocal(start, timeZone));
  let remaining = ms;
  while (remaining > 0) {
    const left = closesAt - cur.msOfDay;
    if (remaining <= left) return fromLocal({ ...cur, msOfDay: cur.msOfDay + remaining }, timeZone);
    remaining -= left;
    cur = snapToBusiness({ ...cur, msOfDay: closesAt });
  }
  return fromLocal(cur, timeZone);
}

describe('business-hours arithmetic is bounded', () => {
  it('agrees with the day-by-day walk for open-time durations up to a few years', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2026-01-01T00:00:00Z'), max: new Date('2028-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 6000 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom('America/New_York', 'UTC', 'Europe/Berlin', 'Asia/Kolkata', 'Australia/Lord_Howe'),
        (start, hours, minutes, zone) => {
          const ms = (hours * 60 + minutes) * 60_000;
          expect(addBusinessDuration(start, { ...ZERO, hours, minutes }, zone).toISOString()).toBe(dayByDay(start, ms, zone).toISOString());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('lands exactly on closing time after whole weeks of open time', () => {
    // Monday 09:00 New York + 80 open hours = two working weeks: the second Friday at 17:00.
    expect(addBusinessDuration(new Date('2026-11-30T14:00:00Z'), { ...ZERO, hours: 80 }, 'America/New_York').toISOString()).toBe('2026-12-11T22:00:00.000Z');
    expect(opensAt).toBeLessThan(closesAt);
  });

  it('computes the 100-year maximum at once and refuses more', () => {
    const start = new Date('2026-11-30T15:00:00Z');
    const due = addBusinessDuration(start, { ...ZERO, hours: 876_000 }, 'America/New_York');
    expect(due.getUTCFullYear()).toBe(2446); // 21,900 weeks of 40 open hours
    expect(() => addBusinessDuration(start, { ...ZERO, hours: 99_999_999_999_999 }, 'America/New_York')).toThrow(RangeError);
    expect(() => addBusinessDuration(start, { ...ZERO, seconds: Infinity }, 'UTC')).toThrow(RangeError);
  });
});

describe('a run whose due time no date can hold', () => {
  // Built without the schema, as a version stored before the cap would reach the engine.
  const withStep = (step: object): Contract => ({ ...structuredClone(NO_SHOW), steps: [step, ...structuredClone(NO_SHOW).steps.slice(1)] }) as Contract;

  it.each([
    { name: 'a wait of P999999999Y', step: { id: 'pause', wait: 'P999999999Y', next: 'send-rebook' } },
    { name: 'a business-hours wait of PT99999999999999H', step: { id: 'pause', wait: 'PT99999999999999H', businessHours: true, next: 'send-rebook' } },
    { name: 'a waitFor timeout of P999999999Y', step: { id: 'pause', waitFor: [{ event: 'replied', next: 'exit-replied' }], timeout: 'P999999999Y', onTimeout: 'exit-silent' } },
  ])('$name ends the run through system:unschedulable', ({ step }) => {
    const h = new Harness(withStep(step), { lifecyclestage: 'lead' });
    h.send({ kind: 'start' }, T0);
    expect(h.exit()).toMatchObject({ exitId: 'system:unschedulable' });
    expect(h.last.commands.some((c) => c.type === 'schedule-wake')).toBe(false);
    expect(h.last.run.dueAt ?? null).toBeNull();
  });
});
