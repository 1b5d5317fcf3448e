import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { INT64_MAX, int64Id, int64IdBigint, int64IdOrNumber, isInt64Id } from '../../../lib/schema/int64-id';

describe('int64Id', () => {
  const cases: [string, string, boolean][] = [
    ['a portal id', '62515', true],
    ['zero', '0', true],
    ['int64 max', '9223372036854775807', true],
    ['int64 max + 1', '9223372036854775808', false],
    ['19 nines', '9999999999999999999', false],
    ['20 digits', '12345678901234567890', false],
    ['negative', '-1', false],
    ['leading zero', '062515', false],
    ['decimal', '1.5', false],
    ['exponent', '1e5', false],
    ['empty', '', false],
    ['space', ' 1', false],
  ];
  it.each(cases)('%s', (_label, text, ok) => {
    expect(isInt64Id(text)).toBe(ok);
    const result = z.object({ portalId: int64Id() }).safeParse({ portalId: text });
    expect(result.success).toBe(ok);
    if (!result.success) expect(result.error.issues[0]?.path).toEqual(['portalId']);
  });

  it('turns into a bigint', () => {
    expect(int64IdBigint().parse('9223372036854775807')).toBe(INT64_MAX);
  });

  it('takes exact JSON numbers and refuses ones that lost digits', () => {
    const schema = int64IdOrNumber();
    expect(schema.parse(62515)).toBe('62515');
    expect(schema.parse('9223372036854775807')).toBe('9223372036854775807');
    for (const bad of [2 ** 53, 2 ** 60, -1, 1.5, 1e19, Number.POSITIVE_INFINITY, '9223372036854775808']) {
      expect(schema.safeParse(bad).success, String(bad)).toBe(false);
    }
  });
});
