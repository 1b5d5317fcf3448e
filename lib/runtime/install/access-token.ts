/**
 * The per-portal access token, refreshed shortly before it expires.
 *
 * Concurrency: many web and worker processes may need a fresh token for the same portal at the
 * same moment. HubSpot refresh tokens are shared per installation, and two simultaneous
 * refreshes waste calls and race on which token is stored. So a refresh happens only inside a
 * transaction holding `pg_advisory_xact_lock(hashtext('waymark:refresh:' || portal))`: the
 * first process refreshes and commits; the others wait on the lock, then re-read the row, see
 * the new expiry and use the token the first one stored. The lock is released by commit or
 * rollback, so a crashed process cannot hold it.
 *
 * A refresh rejected with `invalid_grant` / `BAD_REFRESH_TOKEN` means the app was uninstalled or
 * the grant revoked: the installation is marked `uninstalled` and `InstallationInactiveError`
 * is thrown, which stops the portal's work.
 */
import type { Db } from '../../db/prisma';
import type { AccessTokenSource } from '../../hubspot/access-token-source';
import { InstallationInactiveError } from '../../hubspot/crm-port';
import { OAuthGrantError, refreshTokens, type OAuthCallOptions } from '../../hubspot/oauth/oauth-client';
import type { OAuthConfig } from '../../hubspot/oauth/oauth-config';
import { decryptToken, encryptToken, needsReencryption, TokenVaultError, type VaultKey } from '../../hubspot/token-vault';
import { log } from '../../log';
import {
  findInstallationTokens,
  listInstallationCiphers,
  markUninstalled,
  replaceCiphersIfUnchanged,
  updateInstallationTokens,
  withRefreshLock,
} from '../store/installations';

/** Refresh when the access token has less than this left. */
export const REFRESH_MARGIN_MS = 5 * 60 * 1000;

export interface AccessTokenDeps {
  db: Db;
  keys: readonly VaultKey[];
  oauth: OAuthConfig;
  /** Injected clock. */
  now: () => Date;
  /** Passed to the OAuth calls (tests may inject fetch). */
  oauthOptions?: OAuthCallOptions;
}

function isFresh(expiresAt: Date, now: Date): boolean {
  return expiresAt.getTime() - now.getTime() > REFRESH_MARGIN_MS;
}

export type { AccessTokenSource };

/** Builds the token getter over the database and HubSpot's token endpoint. */
export function accessTokenSource(deps: AccessTokenDeps): AccessTokenSource {
  return async (portalId, options = {}) => {
    // A rejected token always goes to the lock, which reads the row (and its status) itself.
    if (options.rejected !== undefined) return refreshUnderLock(deps, portalId, options.rejected);
    const row = await findInstallationTokens(deps.db, portalId);
    if (!row || row.status !== 'active') throw new InstallationInactiveError(portalId);
    if (isFresh(row.accessTokenExpiresAt, deps.now())) {
      const token = decryptToken(deps.keys, portalId, row.accessTokenCipher);
      await rotateIfNeeded(deps, portalId, row.accessTokenCipher, row.refreshTokenCipher);
      return token;
    }
    return refreshUnderLock(deps, portalId);
  };
}

type RefreshOutcome = { kind: 'token'; token: string } | { kind: 'revoked' };

async function refreshUnderLock(deps: AccessTokenDeps, portalId: bigint, rejected?: string): Promise<string> {
  const outcome = await withRefreshLock(deps.db, portalId, async (tx): Promise<RefreshOutcome> => {
    // Re-read under the lock: another process may have refreshed while we waited.
    const row = await findInstallationTokens(tx, portalId);
    if (!row || row.status !== 'active') return { kind: 'revoked' };
    const current = decryptToken(deps.keys, portalId, row.accessTokenCipher);
    const replaced = rejected !== undefined && current !== rejected;
    if (replaced || (rejected === undefined && isFresh(row.accessTokenExpiresAt, deps.now()))) {
      return { kind: 'token', token: current };
    }
    const refreshToken = decryptToken(deps.keys, portalId, row.refreshTokenCipher);
    try {
      const tokens = await refreshTokens(deps.oauth, refreshToken, deps.oauthOptions);
      const expiresAt = new Date(deps.now().getTime() + tokens.expiresIn * 1000);
      await updateInstallationTokens(tx, portalId, {
        accessTokenCipher: encryptToken(deps.keys, portalId, tokens.accessToken),
        refreshTokenCipher: encryptToken(deps.keys, portalId, tokens.refreshToken),
        accessTokenExpiresAt: expiresAt,
      });
      log.info('hubspot access token refreshed', { portalId: portalId.toString(), expiresAt: expiresAt.toISOString() });
      return { kind: 'token', token: tokens.accessToken };
    } catch (error) {
      if (!(error instanceof OAuthGrantError)) throw error;
      // Committed with the transaction (we return instead of throwing, so it is not rolled back).
      await markUninstalled(tx, portalId, deps.now());
      log.warn('hubspot refresh token rejected: installation marked uninstalled', {
        portalId: portalId.toString(),
        hubspotStatus: error.hubspotStatus,
      });
      return { kind: 'revoked' };
    }
  });
  if (outcome.kind === 'revoked') throw new InstallationInactiveError(portalId);
  return outcome.token;
}

/**
 * Re-encrypt-on-read: when a ciphertext was made with an older key, rewrite both under the
 * current key. Conditional on the ciphertext being unchanged, so it never overwrites a token a
 * concurrent refresh just stored.
 */
async function rotateIfNeeded(deps: AccessTokenDeps, portalId: bigint, accessCipher: string, refreshCipher: string): Promise<void> {
  if (!needsReencryption(deps.keys, accessCipher) && !needsReencryption(deps.keys, refreshCipher)) return;
  await replaceCiphersIfUnchanged(deps.db, portalId, { accessTokenCipher: accessCipher, refreshTokenCipher: refreshCipher }, {
    accessTokenCipher: encryptToken(deps.keys, portalId, decryptToken(deps.keys, portalId, accessCipher)),
    refreshTokenCipher: encryptToken(deps.keys, portalId, decryptToken(deps.keys, portalId, refreshCipher)),
  });
}

/**
 * Re-encrypts every installation's tokens under the current key (run after adding a key). A row
 * that does not decrypt (tampered, or its key was removed) is skipped and reported, not fatal.
 */
export async function reencryptAllInstallations(
  db: Db,
  keys: readonly VaultKey[],
): Promise<{ reencrypted: number; failed: bigint[] }> {
  const rows = await listInstallationCiphers(db);
  let reencrypted = 0;
  const failed: bigint[] = [];
  for (const row of rows) {
    if (!needsReencryption(keys, row.accessTokenCipher) && !needsReencryption(keys, row.refreshTokenCipher)) continue;
    let data: { accessTokenCipher: string; refreshTokenCipher: string };
    try {
      data = {
        accessTokenCipher: encryptToken(keys, row.portalId, decryptToken(keys, row.portalId, row.accessTokenCipher)),
        refreshTokenCipher: encryptToken(keys, row.portalId, decryptToken(keys, row.portalId, row.refreshTokenCipher)),
      };
    } catch (error) {
      if (!(error instanceof TokenVaultError)) throw error;
      log.warn('installation tokens could not be re-encrypted', { portalId: row.portalId.toString(), reason: error.message });
      failed.push(row.portalId);
      continue;
    }
    reencrypted += await replaceCiphersIfUnchanged(db, row.portalId, row, data);
  }
  return { reencrypted, failed };
}
