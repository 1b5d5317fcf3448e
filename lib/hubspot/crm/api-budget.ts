/**
 * The per-portal HubSpot request budget, shared by every web and worker process through
 * Postgres (`api_budget`: one row per portal, bucket and time window).
 *
 * HubSpot allows 110 requests per rolling 10 s per portal, and 5 search requests per second.
 * We reserve one slot per request with a single atomic statement (no lock, no read-then-write
 * race): `INSERT … ON CONFLICT DO UPDATE SET used = used + 1 WHERE used < cap RETURNING`. Each
 * window has a fixed cap, chosen so that no rolling interval HubSpot checks can hold more than
 * its limit, with a margin for the jitter between reserving a slot and the request arriving:
 *
 * - general: 1 s windows, 9 each. 111 requests would need 13 windows, i.e. a span over 11 s —
 *   a full second of margin over the 10 s rule (the same 9/s pace the SDK's own limiter uses).
 * - search: 300 ms windows, 1 each. 6 requests would need 6 windows, a span over 1.2 s.
 *
 * Windows are cut by the database clock (`clock_timestamp()`), the one clock every process
 * shares; an app-side clock could differ between machines and break the arithmetic.
 */
/** Buckets of the budget (explicit registry). */
export const BUDGETS = {
  general: { windowMs: 1000, perWindow: 9 },
  search: { windowMs: 300, perWindow: 1 },
} as const satisfies Record<string, { windowMs: number; perWindow: number }>;

export type BudgetBucket = keyof typeof BUDGETS;

/** Where the windows are counted (lib/runtime/store/api-budget.ts: the `api_budget` table). */
export interface ApiBudgetStore {
  /** Takes one slot in the bucket's current window; false when the window is full. */
  tryReserve(portalId: bigint, bucket: BudgetBucket): Promise<boolean>;
  /** Deletes windows that no longer matter to any limit; returns how many. */
  prune(): Promise<number>;
}

export interface ReserveOptions {
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  /** Give up after waiting this long (ms); the caller then reports a transient error. */
  maxWaitMs: number;
}

/**
 * Waits for a slot: retries at the next window (plus jitter, so waiting processes do not all
 * wake at once). Returns false when `maxWaitMs` passed without a slot.
 */
export async function reserve(budget: ApiBudgetStore, portalId: bigint, bucket: BudgetBucket, options: ReserveOptions): Promise<boolean> {
  const { windowMs } = BUDGETS[bucket];
  let waited = 0;
  for (;;) {
    if (await budget.tryReserve(portalId, bucket)) return true;
    if (waited >= options.maxWaitMs) return false;
    const pause = Math.round(windowMs / 2 + options.random() * windowMs);
    await options.sleep(pause);
    waited += pause;
  }
}
