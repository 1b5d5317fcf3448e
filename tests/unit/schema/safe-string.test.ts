import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { findUnsafeText, formatPath, isSafeText, safeString } from '../../../lib/schema/safe-string';

describe('safeString', () => {
  const cases: [string, string, boolean][] = [
    ['plain text', 'Lead follow-up', true],
    ['emoji (a surrogate pair)', 'go 🚀 now', true],
    ['accents and CJK', 'Café 東京', true],
    ['empty', '', true],
    ['NUL', 'a\u0000b', false],
    ['lone high surrogate', 'a\ud800b', false],
    ['lone high surrogate at the end', 'abc\ud83d', false],
    ['lone low surrogate', '\udc00x', false],
    ['pair in the wrong order', '\ude80\ud83d', false],
  ];
  it.each(cases)('%s', (_label, text, ok) => {
    expect(isSafeText(text)).toBe(ok);
    const result = z.object({ name: safeString() }).safeParse({ name: text });
    expect(result.success).toBe(ok);
    if (!result.success) {
      expect(result.error.issues[0]?.path).toEqual(['name']);
      expect(result.error.issues[0]?.message).toMatch(/NUL|surrogate/);
    }
  });

  it('keeps checks of the base string', () => {
    const schema = safeString(z.string().min(2));
    expect(schema.safeParse('a').success).toBe(false);
    expect(schema.safeParse('ab').success).toBe(true);
  });
});

describe('findUnsafeText', () => {
  it('finds unsafe values and keys at any depth, with the path', () => {
    expect(findUnsafeText({ a: [1, { b: 'ok' }, { c: 'x\u0000' }] })).toEqual({ path: ['a', 2, 'c'], reason: expect.stringMatching(/NUL/) });
    expect(findUnsafeText({ extra: { 'k\ud800': 1 } })).toEqual({ path: ['extra', 'k\ud800'], reason: expect.stringMatching(/key .*surrogate/) });
    expect(findUnsafeText('\u0000')?.path).toEqual([]);
  });
  it('passes clean JSON', () => {
    expect(findUnsafeText({ a: [1, null, true, 'ok 🚀'], b: { c: 'd' } })).toBeUndefined();
  });
  it('formats paths', () => {
    expect(formatPath(['steps', 0, 'name'])).toBe('steps.0.name');
    expect(formatPath([])).toBe('(body)');
  });
});
