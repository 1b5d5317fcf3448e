/**
 * HubSpot retries a failed delivery up to 10 times spread over the next 24 hours, with random
 * delays (reference §2.3). The base schedule below sums to about a day; each delay is jittered
 * by ±50% and multiplied by `scale`, so tests can run the same schedule in milliseconds.
 */

/** Maximum number of retries after the first attempt (attemptNumber goes 0..10). */
export const MAX_RETRIES = 10;

const BASE_DELAYS_MS = [60, 120, 300, 600, 1_800, 3_600, 7_200, 14_400, 28_800, 28_800].map((s) => s * 1000);

/** Delay before retry number `retry` (1-based), jittered with `random()` in [0,1). */
export function retryDelayMs(retry: number, scale: number, random: () => number = Math.random): number {
  const base = BASE_DELAYS_MS[Math.min(Math.max(retry, 1), BASE_DELAYS_MS.length) - 1] ?? 60_000;
  return Math.max(0, Math.round(base * (0.5 + random()) * scale));
}
