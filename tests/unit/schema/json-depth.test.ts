/**
 * Issue 9 (found by the route fuzzing): a small body nested thousands of levels deep overflowed
 * the call stack (a 500). Depth is measured without recursion, boundaries refuse more than 64
 * levels, and the unsafe-text walk and the kept copy of a skipped event survive any depth.
 */
import { describe, expect, it } from 'vitest';
import { HttpError } from '@/lib/http/http-error';
import { readJson } from '@/lib/http/route';
import { MAX_JSON_DEPTH, nestsDeeperThan, truncatedJson } from '@/lib/schema/json-depth';
import { findUnsafeText } from '@/lib/schema/safe-string';

const deepText = (levels: number, inner = '') => '['.repeat(levels) + inner + ']'.repeat(levels);

describe('JSON depth at the boundary', () => {
  it('measures depth without recursion', () => {
    expect(nestsDeeperThan(JSON.parse(deepText(MAX_JSON_DEPTH)))).toBe(false);
    expect(nestsDeeperThan(JSON.parse(deepText(MAX_JSON_DEPTH + 1)))).toBe(true);
    expect(nestsDeeperThan(JSON.parse(deepText(300_000)))).toBe(true);
    expect(nestsDeeperThan({ a: [{ b: 'c' }], d: 1 })).toBe(false);
  });

  it('finds unsafe text at any depth, in document order', () => {
    const deep = JSON.parse(deepText(300_000, '"x\\u0000"')) as unknown;
    expect(findUnsafeText(deep)?.path).toHaveLength(300_000);
    expect(findUnsafeText({ a: ['ok', '\u0000'], b: '\ud800' })).toMatchObject({ path: ['a', 1] });
  });

  it('keeps a cut copy of an absurdly deep value', () => {
    const text = truncatedJson(JSON.parse(deepText(300_000)));
    expect(text).toContain('[nested too deeply]');
    expect(text.length).toBeLessThan(1000);
  });

  it('readJson answers 400 for a deep body, never a RangeError', async () => {
    const error = await readJson(new Request('http://x/', { method: 'POST', body: deepText(200_000) })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect((error as HttpError).status).toBe(400);
    expect((error as HttpError).message).toMatch(/nests more than 64 levels/);
  });
});
