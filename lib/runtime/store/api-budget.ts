/**
 * Statements on `api_budget`: the per-portal HubSpot request budget shared by every process
 * (the policy and the wait loop are lib/hubspot/crm/api-budget.ts). One atomic upsert per slot,
 * windows cut by the database clock.
 */
import type { Db } from '../../db/prisma';
import { BUDGETS, type ApiBudgetStore, type BudgetBucket } from '../../hubspot/crm/api-budget';

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

/** The budget over the `api_budget` table. */
export function apiBudgetStore(db: Db): ApiBudgetStore {
  return { tryReserve: (portalId, bucket) => tryReserve(db, portalId, bucket), prune: () => pruneBudget(db) };
}
