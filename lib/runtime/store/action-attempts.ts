/**
 * Statements on `action_attempts` read and written outside the hot run-advance path: the
 * perform-action and apply-exit jobs, a portal's resume after reinstall, and a person's retry.
 */
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/prisma';

type DbOrTx = Db | Prisma.TransactionClient;

export function findAttemptByKey(db: DbOrTx, idempotencyKey: string) {
  return db.actionAttempt.findUnique({ where: { idempotencyKey } });
}

/** The attempt with its run (a person's retry checks both). */
export function findAttemptWithRun(db: DbOrTx, idempotencyKey: string) {
  return db.actionAttempt.findUnique({ where: { idempotencyKey }, include: { run: true } });
}

/** A run's attempts of one step, oldest first (an exit's effects are the steps of `exit:<id>`). */
export function listStepAttempts(db: DbOrTx, runId: string, stepId: string) {
  return db.actionAttempt.findMany({ where: { runId, stepId }, orderBy: { id: 'asc' } });
}

/** A portal's writes still pending or running, with the state of their run. */
export function listOpenAttemptsOfPortal(db: DbOrTx, portalId: bigint) {
  return db.actionAttempt.findMany({
    where: { portalId, status: { in: ['pending', 'running'] } },
    select: { idempotencyKey: true, stepId: true, run: { select: { id: true, status: true, seq: true, currentStepId: true, exitId: true } } },
  });
}

export async function failAttempt(db: DbOrTx, id: bigint, error: string): Promise<void> {
  await db.actionAttempt.update({ where: { id }, data: { status: 'failed', error } });
}

/** A failed attempt made pending again, its attempt count and error cleared (a person's retry). */
export async function resetAttemptForRetry(db: DbOrTx, id: bigint): Promise<void> {
  await db.actionAttempt.update({ where: { id }, data: { status: 'pending', attempts: 0, error: null } });
}
