/**
 * Statements on `installations`: one row per HubSpot portal, tokens stored as ciphertexts (the
 * token vault in lib/hubspot encrypts; this module never sees a plain token). A reinstall
 * updates the row and makes it active again; a dead refresh token marks it uninstalled.
 * `isInstallationActive` is the one "may Waymark act for this portal" predicate.
 */
import type { Db } from '../../db/prisma';
import type { Prisma } from '../../db/generated/client';

type DbOrTx = Db | Prisma.TransactionClient;

export interface InstallationCiphers {
  accessTokenCipher: string;
  refreshTokenCipher: string;
}

export interface InstallationRowInput extends InstallationCiphers {
  portalId: bigint;
  hubDomain: string | null;
  scopes: string[];
  accessTokenExpiresAt: Date;
  installedByUserId: bigint | null;
  installedByEmail: string | null;
}

export interface InstallationTokens extends InstallationCiphers {
  status: string;
  accessTokenExpiresAt: Date;
}

/** Inserts or updates (reinstall) the installation for a portal, active again. */
export async function upsertInstallation(db: Db, input: InstallationRowInput): Promise<void> {
  const { portalId, ...fields } = input;
  const data = { ...fields, status: 'active' as const, uninstalledAt: null };
  await db.installation.upsert({ where: { portalId }, create: { portalId, ...data }, update: data });
}

/** Marks a portal uninstalled (refresh token revoked or app removed). Idempotent. */
export async function markUninstalled(db: DbOrTx, portalId: bigint, now: Date): Promise<void> {
  await db.installation.updateMany({ where: { portalId, status: 'active' }, data: { status: 'uninstalled', uninstalledAt: now } });
}

/** True when the portal has an active installation: the runtime's gate before any work. */
export async function isInstallationActive(db: DbOrTx, portalId: bigint): Promise<boolean> {
  const row = await db.installation.findUnique({ where: { portalId }, select: { status: true } });
  return row?.status === 'active';
}

/** The subset of `portalIds` with an active installation. */
export async function activeInstallationsAmong(db: DbOrTx, portalIds: readonly bigint[]): Promise<Set<bigint>> {
  if (portalIds.length === 0) return new Set();
  const rows = await db.installation.findMany({ where: { portalId: { in: [...portalIds] }, status: 'active' }, select: { portalId: true } });
  return new Set(rows.map((row) => row.portalId));
}

/** What the "connected" page shows, for an active installation only. */
export async function findActiveInstallationView(db: Db, portalId: bigint): Promise<{ portalId: bigint; hubDomain: string | null; scopes: string[] } | null> {
  const row = await db.installation.findUnique({ where: { portalId }, select: { portalId: true, hubDomain: true, scopes: true, status: true } });
  return row && row.status === 'active' ? { portalId: row.portalId, hubDomain: row.hubDomain, scopes: row.scopes } : null;
}

export async function findInstallationTokens(db: DbOrTx, portalId: bigint): Promise<InstallationTokens | null> {
  return db.installation.findUnique({
    where: { portalId },
    select: { status: true, accessTokenCipher: true, refreshTokenCipher: true, accessTokenExpiresAt: true },
  });
}

/** Stores refreshed tokens. */
export async function updateInstallationTokens(db: DbOrTx, portalId: bigint, tokens: InstallationCiphers & { accessTokenExpiresAt: Date }): Promise<void> {
  await db.installation.update({ where: { portalId }, data: tokens });
}

/**
 * Replaces the ciphertexts only while they are still `expected`, so a re-encryption never
 * overwrites a token a concurrent refresh just stored. Returns how many rows changed (0 or 1).
 */
export async function replaceCiphersIfUnchanged(db: DbOrTx, portalId: bigint, expected: InstallationCiphers, next: InstallationCiphers): Promise<number> {
  const result = await db.installation.updateMany({ where: { portalId, ...expected }, data: next });
  return result.count;
}

/** Every installation's ciphertexts (key rotation walks them all: a cross-portal path). */
export function listInstallationCiphers(db: Db): Promise<(InstallationCiphers & { portalId: bigint })[]> {
  return db.installation.findMany({ select: { portalId: true, accessTokenCipher: true, refreshTokenCipher: true } });
}

/**
 * Runs `work` in a transaction holding the portal's refresh lock
 * (`pg_advisory_xact_lock(hashtext('waymark:refresh:' || portal))`), released by commit or
 * rollback so a crashed process cannot hold it.
 */
export function withRefreshLock<T>(db: Db, portalId: bigint, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(hashtext($1))`, `waymark:refresh:${portalId}`);
      return work(tx);
    },
    // The refresh call to HubSpot happens inside the transaction; give it room beyond Prisma's 5 s default.
    { timeout: 30_000, maxWait: 30_000 },
  );
}
