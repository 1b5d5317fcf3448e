/**
 * Claims the right to perform one external write. The idempotency key comes from (run, step
 * [, effect index]); the unique index on it means only the first claim creates the attempt row.
 * A retry (after a crash or an ambiguous timeout) finds the existing row and its outcome instead
 * of writing again.
 */
import type { Db } from '../../db/prisma';

export interface ClaimActionInput {
  portalId: bigint;
  runId: string;
  stepId: string;
  idempotencyKey: string;
  kind: string;
  request: Record<string, unknown>;
}

export async function claimActionAttempt(db: Db, input: ClaimActionInput) {
  const inserted = await db.actionAttempt.createMany({
    data: [{ ...input, request: input.request as object }],
    skipDuplicates: true,
  });
  const attempt = await db.actionAttempt.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
  return { claimed: inserted.count === 1, attempt };
}
