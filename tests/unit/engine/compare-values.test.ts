import { describe, expect, it } from 'vitest';
import { asInstant, asNumber, isUnknown, orderValues, valueEquals } from '@/lib/engine/compare-values';

describe('compare-values', () => {
  it('treats null, missing and empty text as unknown', () => {
    expect(isUnknown(null)).toBe(true);
    expect(isUnknown(undefined)).toBe(true);
    expect(isUnknown('  ')).toBe(true);
    expect(isUnknown('0')).toBe(false);
  });

  it('reads plain numbers only', () => {
    expect(asNumber('50')).toBe(50);
    expect(asNumber(' -1.5 ')).toBe(-1.5);
    expect(asNumber('1e3')).toBe(1000);
    expect(asNumber('50 people')).toBeUndefined();
    expect(asNumber('')).toBeUndefined();
    expect(asNumber('0x10')).toBeUndefined();
  });

  it('reads ISO dates and epoch milliseconds as instants, not small counts', () => {
    expect(asInstant('2026-11-30')).toBe(Date.UTC(2026, 10, 30));
    expect(asInstant('2026-11-30T10:00:00.000Z')).toBe(Date.UTC(2026, 10, 30, 10));
    expect(asInstant('1796032800000')).toBe(1796032800000);
    expect(asInstant('50')).toBeUndefined();
  });

  it('compares numbers numerically, not as text', () => {
    expect(orderValues('9', 10)).toBe(-1);
    expect(orderValues('10', '9')).toBe(1);
    expect(orderValues('50.0', 50)).toBe(0);
    expect(orderValues('many', 10)).toBeUndefined();
    expect(orderValues(null, 10)).toBeUndefined();
  });

  it('compares dates as instants across formats', () => {
    expect(orderValues('1796032800000', '2026-11-29')).toBe(1);
    expect(orderValues('2026-01-01T00:00:00Z', '2026-01-02')).toBe(-1);
  });

  it('compares plain text exactly and refuses to order text against numbers', () => {
    expect(orderValues('b', 'a')).toBe(1);
    expect(orderValues('abc', '10')).toBeUndefined();
  });

  it('matches equality by meaning', () => {
    expect(valueEquals('50', 50)).toBe(true);
    expect(valueEquals('050', 50)).toBe(true);
    expect(valueEquals('fifty', 50)).toBe(false);
    expect(valueEquals('TRUE', true)).toBe(true);
    expect(valueEquals('false', true)).toBe(false);
    expect(valueEquals('', null)).toBe(true);
    expect(valueEquals(null, null)).toBe(true);
    expect(valueEquals('x', null)).toBe(false);
    expect(valueEquals(null, 'lead')).toBe(false);
    expect(valueEquals('lead', 'lead')).toBe(true);
    expect(valueEquals('Lead', 'lead')).toBe(false);
    expect(valueEquals('2', '2.0')).toBe(true);
  });
});
