/**
 * The `installations` table: one row per HubSpot portal, tokens encrypted with the token vault.
 * A reinstall updates the row (new tokens, scopes, installing user) and makes it active again;
 * a dead refresh token marks it uninstalled, and the runtime checks `isInstallationActive`
 * before acting for a portal.
 */
import type { Db } from '../db/prisma';
import type { Prisma } from '../db/generated/client';
import { encryptToken, type VaultKey } from './token-vault';

/** Everything the OAuth callback learned about a new or renewed installation. */
export interface InstallationInput {
  portalId: bigint;
  hubDomain?: string;
  scopes: string[];
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: Date;
  installedByUserId?: bigint;
  installedByEmail?: string;
}

/** Inserts or updates (reinstall) the installation for a portal. */
export async function saveInstallation(db: Db, keys: readonly VaultKey[], input: InstallationInput): Promise<void> {
  const data = {
    hubDomain: input.hubDomain ?? null,
    scopes: input.scopes,
    accessTokenCipher: encryptToken(keys, input.portalId, input.accessToken),
    refreshTokenCipher: encryptToken(keys, input.portalId, input.refreshToken),
    accessTokenExpiresAt: input.accessTokenExpiresAt,
    status: 'active' as const,
    installedByUserId: input.installedByUserId ?? null,
    installedByEmail: input.installedByEmail ?? null,
    uninstalledAt: null,
  };
  await db.installation.upsert({ where: { portalId: input.portalId }, create: { portalId: input.portalId, ...data }, update: data });
}

/** Marks a portal uninstalled (refresh token revoked or app removed). Idempotent. */
export async function markUninstalled(db: Db | Prisma.TransactionClient, portalId: bigint, now: Date): Promise<void> {
  await db.installation.updateMany({ where: { portalId, status: 'active' }, data: { status: 'uninstalled', uninstalledAt: now } });
}

/** True when the portal has an active installation: the runtime's gate before any work. */
export async function isInstallationActive(db: Db | Prisma.TransactionClient, portalId: bigint): Promise<boolean> {
  const row = await db.installation.findUnique({ where: { portalId }, select: { status: true } });
  return row?.status === 'active';
}
