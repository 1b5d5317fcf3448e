/** Test helper: an active installation row with tokens encrypted under the given keys. */
import type { Db } from '../../../lib/db/prisma';
import { saveInstallation } from '../../../lib/runtime/install/save-installation';
import type { VaultKey } from '../../../lib/hubspot/token-vault';

export async function seedInstallation(
  db: Db,
  keys: readonly VaultKey[],
  portalId: bigint,
  tokens: { accessToken?: string; refreshToken?: string; expiresAt?: Date } = {},
): Promise<void> {
  await saveInstallation(db, keys, {
    portalId,
    scopes: ['oauth', 'crm.objects.contacts.read'],
    accessToken: tokens.accessToken ?? `access-${portalId}`,
    refreshToken: tokens.refreshToken ?? `refresh-${portalId}`,
    accessTokenExpiresAt: tokens.expiresAt ?? new Date(Date.now() + 30 * 60 * 1000),
  });
}
