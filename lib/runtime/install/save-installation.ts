/**
 * Stores a new or renewed installation: the tokens are encrypted with the token vault (bound
 * to the portal id) before they reach the store.
 */
import type { Db } from '../../db/prisma';
import { encryptToken, type VaultKey } from '../../hubspot/token-vault';
import { upsertInstallation } from '../store/installations';

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

export async function saveInstallation(db: Db, keys: readonly VaultKey[], input: InstallationInput): Promise<void> {
  await upsertInstallation(db, {
    portalId: input.portalId,
    hubDomain: input.hubDomain ?? null,
    scopes: input.scopes,
    accessTokenCipher: encryptToken(keys, input.portalId, input.accessToken),
    refreshTokenCipher: encryptToken(keys, input.portalId, input.refreshToken),
    accessTokenExpiresAt: input.accessTokenExpiresAt,
    installedByUserId: input.installedByUserId ?? null,
    installedByEmail: input.installedByEmail ?? null,
  });
}
