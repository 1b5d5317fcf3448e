/** Statements on `oauth_states`: single-use install states bound to a browser (see install/oauth-state.ts). */
import type { Db } from '../../db/prisma';

export interface OAuthStateRow {
  browserBinding: string;
  usedAt: Date | null;
}

export async function insertOAuthState(db: Db, row: { state: string; browserBinding: string; createdAt: Date; expiresAt: Date }): Promise<void> {
  await db.oAuthState.create({ data: row });
}

/** Housekeeping: states expired before `before` are useless; keeps the table small. */
export async function deleteOAuthStatesExpiredBefore(db: Db, before: Date): Promise<void> {
  await db.oAuthState.deleteMany({ where: { expiresAt: { lt: before } } });
}

/**
 * Marks the state used only when it is unused, unexpired and bound to this browser: one
 * conditional UPDATE, so two concurrent callbacks with the same state cannot both succeed.
 */
export async function claimOAuthState(db: Db, state: string, browserBinding: string, now: Date): Promise<boolean> {
  const claimed = await db.oAuthState.updateMany({ where: { state, usedAt: null, expiresAt: { gt: now }, browserBinding }, data: { usedAt: now } });
  return claimed.count === 1;
}

export function findOAuthState(db: Db, state: string): Promise<OAuthStateRow | null> {
  return db.oAuthState.findUnique({ where: { state }, select: { browserBinding: true, usedAt: true } });
}
