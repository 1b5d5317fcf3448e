import { describe, expect, it } from 'vitest';
import { MAX_RETRIES, retryDelayMs } from '../../../lib/sandbox/webhooks/retry-schedule';

describe('retryDelayMs', () => {
  it('spreads 10 retries over about a day at scale 1, with ±50% jitter', () => {
    expect(MAX_RETRIES).toBe(10);
    const mid = Array.from({ length: MAX_RETRIES }, (_, i) => retryDelayMs(i + 1, 1, () => 0.5));
    const total = mid.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(20 * 3_600_000);
    expect(total).toBeLessThan(28 * 3_600_000);
    for (let i = 1; i < mid.length; i++) expect(mid[i]!).toBeGreaterThanOrEqual(mid[i - 1]!);
    expect(retryDelayMs(1, 1, () => 0)).toBe(30_000);
    expect(retryDelayMs(1, 1, () => 0.999999)).toBeLessThanOrEqual(90_000);
  });

  it('scales linearly so tests can run the schedule in milliseconds', () => {
    expect(retryDelayMs(3, 0.001, () => 0.5)).toBe(300);
    expect(retryDelayMs(10, 0, () => 0.5)).toBe(0);
  });
});
