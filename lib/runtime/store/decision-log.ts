/** One decision written through Prisma (a person's action inside a use-case's transaction); the engine's batches use write-decisions.ts. */
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/prisma';

export async function insertDecision(db: Db | Prisma.TransactionClient, data: Prisma.DecisionLogUncheckedCreateInput): Promise<void> {
  await db.decisionLog.create({ data });
}
