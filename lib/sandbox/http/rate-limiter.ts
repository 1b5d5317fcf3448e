/**
 * HubSpot's per-app, per-portal limits (reference §6.8, §6.3): 110 requests per rolling 10 s for
 * the API in general, and 5 per second for search (search does not count toward the 10 s
 * bucket and its responses carry no rate-limit headers). Rolling windows are kept as arrays of
 * request times; only accepted requests count.
 */
import { randomUUID } from 'node:crypto';
import { SandboxError } from './hubspot-errors';
import type { RateBucket } from './router';

/** Limits in force; the control API can change them for a test. */
export interface RateLimits {
  perTenSeconds: number;
  searchPerSecond: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = { perTenSeconds: 110, searchPerSecond: 5 };

const WINDOW: Record<RateBucket, number> = { standard: 10_000, search: 1_000 };

export class RateLimiter {
  readonly limits: RateLimits = { ...DEFAULT_RATE_LIMITS };
  private readonly windows = new Map<string, number[]>();

  /** Counts one request or throws HubSpot's 429. Returns the headers to put on the response. */
  take(key: string, bucket: RateBucket, now: number): Record<string, string> {
    const max = bucket === 'standard' ? this.limits.perTenSeconds : this.limits.searchPerSecond;
    const id = `${bucket}:${key}`;
    const window = (this.windows.get(id) ?? []).filter((t) => now - t < WINDOW[bucket]);
    const full = window.length >= max;
    if (!full) window.push(now);
    this.windows.set(id, window);
    const headers: Record<string, string> =
      bucket === 'standard'
        ? {
            'X-HubSpot-RateLimit-Interval-Milliseconds': String(WINDOW.standard),
            'X-HubSpot-RateLimit-Max': String(max),
            'X-HubSpot-RateLimit-Remaining': String(Math.max(0, max - window.length)),
          }
        : {};
    if (!full) return headers;
    const body =
      bucket === 'standard'
        ? { message: 'You have reached your ten_secondly_rolling limit.', policyName: 'TEN_SECONDLY_ROLLING' }
        : { message: 'You have reached your secondly limit.', policyName: 'SECONDLY' };
    throw new SandboxError(
      429,
      { status: 'error', ...body, errorType: 'RATE_LIMIT', correlationId: randomUUID(), requestId: randomUUID() },
      headers,
    );
  }

  /** Forgets all counted requests (control API). */
  reset(): void {
    this.windows.clear();
  }
}
