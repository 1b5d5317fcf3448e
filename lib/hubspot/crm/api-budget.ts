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
import type { Db } from '../../db/prisma';

/** Buckets of the budget (explicit registry). */
export const BUDGETS = {
  general: { windowMs: 1000, perWindow: 9 },
  search: { windowMs: 300, perWindow: 1 },
} as const satisfies Record<string, { windowMs: number; perWindow: number }>;

export type BudgetBucket = keyof typeof BUDGETS;

/** Takes one slot in the current window; false when the window is full. */
export async function tryReserve(db: Db, portalId: bigint, bucket: BudgetBucket): Promise<boolean> {
  const { windowMs, perWindow } = BUDGETS[bucket];
  const rows = await db.$queryRawUnsafe<{ used: number }[]>(
    `INSERT INTO "api_budget" ("portal_id", "bucket", "window_start", "used")
     SELECT $1::bigint, $2::text,
            to_timestamp(floor(extract(epoch FROM clock_timestamp()) * 1000 / $3::int) * $3::int / 1000.0), 1
     ON CONFLICT ("portal_id", "bucket", "window_start")
     DO UPDATE SET "used" = "api_budget"."used" + 1 WHERE "api_budget"."used" < $4::int
     RETURNING "used"`,
    portalId,
    bucket,
    windowMs,
    perWindow,
  );
  return rows.length === 1;
}

/** Deletes windows older than a minute (they no longer matter to any limit). */
export async function pruneBudget(db: Db): Promise<number> {
  return db.$executeRawUnsafe(`DELETE FROM "api_budget" WHERE "window_start" < clock_timestamp() - interval '1 minute'`);
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
export async function reserve(db: Db, portalId: bigint, bucket: BudgetBucket, options: ReserveOptions): Promise<boolean> {
  const { windowMs } = BUDGETS[bucket];
  let waited = 0;
  for (;;) {
    if (await tryReserve(db, portalId, bucket)) return true;
    if (waited >= options.maxWaitMs) return false;
    const pause = Math.round(windowMs / 2 + options.random() * windowMs);
    await options.sleep(pause);
    waited += pause;
  }
}
