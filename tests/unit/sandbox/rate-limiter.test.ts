import { describe, expect, it } from 'vitest';
import { SandboxError } from '../../../lib/sandbox/http/hubspot-errors';
import { RateLimiter } from '../../../lib/sandbox/http/rate-limiter';

function take(limiter: RateLimiter, bucket: 'standard' | 'search', now: number, key = 'p:a') {
  try {
    return { ok: true as const, headers: limiter.take(key, bucket, now) };
  } catch (error) {
    return { ok: false as const, error: error as SandboxError };
  }
}

describe('RateLimiter', () => {
  it('allows 110 requests per rolling 10 s, then answers HubSpot’s TEN_SECONDLY_ROLLING 429', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 110; i++) expect(take(limiter, 'standard', 1_000 + i).ok).toBe(true);
    const denied = take(limiter, 'standard', 1_200);
    expect(denied.ok).toBe(false);
    if (denied.ok) return;
    expect(denied.error.status).toBe(429);
    expect(denied.error.body).toMatchObject({ status: 'error', errorType: 'RATE_LIMIT', policyName: 'TEN_SECONDLY_ROLLING' });
    expect(denied.error.headers['X-HubSpot-RateLimit-Remaining']).toBe('0');
    // Rolling: the first request leaves the window 10 s after it was made.
    expect(take(limiter, 'standard', 10_999).ok).toBe(false);
    expect(take(limiter, 'standard', 11_000).ok).toBe(true);
  });

  it('reports remaining budget in headers and keeps portals apart', () => {
    const limiter = new RateLimiter();
    const first = take(limiter, 'standard', 0);
    expect(first.ok && first.headers).toMatchObject({ 'X-HubSpot-RateLimit-Max': '110', 'X-HubSpot-RateLimit-Remaining': '109', 'X-HubSpot-RateLimit-Interval-Milliseconds': '10000' });
    for (let i = 0; i < 110; i++) take(limiter, 'standard', 1, 'p1:a');
    expect(take(limiter, 'standard', 2, 'p2:a').ok).toBe(true);
  });

  it('allows 5 searches per second with the secondly message and no headers', () => {
    const limiter = new RateLimiter();
    for (let i = 0; i < 5; i++) {
      const result = take(limiter, 'search', 100 + i);
      expect(result.ok && result.headers).toEqual({});
    }
    const denied = take(limiter, 'search', 500);
    expect(!denied.ok && denied.error.body).toMatchObject({ message: 'You have reached your secondly limit.', errorType: 'RATE_LIMIT' });
    expect(take(limiter, 'search', 1_100).ok).toBe(true);
    // Searches do not use up the 10-second budget.
    const standard = take(limiter, 'standard', 1_100);
    expect(standard.ok && standard.headers['X-HubSpot-RateLimit-Remaining']).toBe('109');
  });
});
