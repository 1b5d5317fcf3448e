/**
 * The access-token getter against the real sandbox token endpoint: one refresh per portal across
 * processes (two separate Prisma clients), revocation marks the installation uninstalled, a
 * ciphertext moved between portals does not decrypt, and rotation re-encrypts on read.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPrisma, type Db } from '../../../lib/db/prisma';
import { accessTokenSource, reencryptAllInstallations, type AccessTokenDeps } from '../../../lib/runtime/install/access-token';
import { InstallationInactiveError } from '../../../lib/hubspot/crm-port';
import { isInstallationActive } from '../../../lib/runtime/store/installations';
import type { OAuthConfig } from '../../../lib/hubspot/oauth/oauth-config';
import { decryptToken, TokenVaultError, type VaultKey } from '../../../lib/hubspot/token-vault';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from './seed-installation';

const CLIENT_ID = 'token-test-client';
const CLIENT_SECRET = 'token-test-secret-0000000000';
const k1: VaultKey = { id: 'k1', key: randomBytes(32) };
const k2: VaultKey = { id: 'k2', key: randomBytes(32) };

let t: TestDatabase;
let sandbox: SandboxHandle;
let oauth: OAuthConfig;
const extraClients: Db[] = [];

function deps(db: Db, keys: readonly VaultKey[] = [k1]): AccessTokenDeps {
  return { db, keys, oauth, now: () => new Date() };
}

/** Issues sandbox tokens for a portal and stores them as already expired (so the next use refreshes). */
async function installExpired(portalId: number, keys: readonly VaultKey[] = [k1]) {
  const issued = sandbox.state.install(portalId, CLIENT_ID);
  await seedInstallation(t.db, keys, BigInt(portalId), {
    accessToken: issued.token,
    refreshToken: issued.refreshToken,
    expiresAt: new Date(Date.now() - 1000),
  });
  return issued;
}

const tokensIssuedFor = (portalId: number) => [...sandbox.state.oauth.accessTokens.values()].filter((a) => a.portalId === portalId).length;

beforeAll(async () => {
  t = await createTestDatabase();
  sandbox = await startSandbox({ port: 0, appTargetUrl: null, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, seed: true });
  oauth = { apiBase: sandbox.url, appBase: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: 'http://localhost/cb' };
});

afterAll(async () => {
  await Promise.all(extraClients.map((c) => c.$disconnect()));
  await sandbox.stop();
  await t.drop();
});

describe('access token refresh', () => {
  it('two processes refreshing one portal at once cause exactly one refresh call', async () => {
    const portal = sandbox.demoPortalId;
    await installExpired(portal);
    const before = tokensIssuedFor(portal);
    const a = createPrisma(t.url, { max: 4 });
    const b = createPrisma(t.url, { max: 4 });
    extraClients.push(a, b);
    const getA = accessTokenSource(deps(a));
    const getB = accessTokenSource(deps(b));
    const tokens = await Promise.all([getA, getB, getA, getB, getA, getB].map((get) => get(BigInt(portal))));
    expect(tokensIssuedFor(portal) - before).toBe(1);
    expect(new Set(tokens).size).toBe(1);
    const row = await t.db.installation.findUniqueOrThrow({ where: { portalId: BigInt(portal) } });
    expect(decryptToken([k1], BigInt(portal), row.accessTokenCipher)).toBe(tokens[0]);
    expect(row.accessTokenExpiresAt.getTime()).toBeGreaterThan(Date.now() + 25 * 60 * 1000);

    // Fresh now: no further refresh.
    await getA(BigInt(portal));
    expect(tokensIssuedFor(portal) - before).toBe(1);
  });

  it('a refresh rejected with BAD_REFRESH_TOKEN marks the installation uninstalled and stops its work', async () => {
    const portal = sandbox.state.addPortal({ id: 70002, domain: 'revoked.example' }).id;
    await installExpired(portal);
    sandbox.state.oauth.uninstall(portal, sandbox.app.appId);
    const get = accessTokenSource(deps(t.db));
    await expect(get(BigInt(portal))).rejects.toBeInstanceOf(InstallationInactiveError);
    expect(await isInstallationActive(t.db, BigInt(portal))).toBe(false);
    const row = await t.db.installation.findUniqueOrThrow({ where: { portalId: BigInt(portal) } });
    expect(row.status).toBe('uninstalled');
    expect(row.uninstalledAt).not.toBeNull();
    // Later calls fail fast without asking HubSpot again.
    let calls = 0;
    const counted = accessTokenSource({ ...deps(t.db), oauthOptions: { fetch: (...args) => (calls++, fetch(...args)) } });
    await expect(counted(BigInt(portal))).rejects.toBeInstanceOf(InstallationInactiveError);
    expect(calls).toBe(0);
  });
});

describe('logs', () => {
  it('never contain the access or refresh token, even when a refresh happens', async () => {
    const p = sandbox.state.addPortal({ id: 70_020, domain: 'logs.example' }).id;
    const issued = await installExpired(p);
    const lines: string[] = [];
    const out = vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    const err = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void lines.push(args.join(' ')));
    try {
      const token = await accessTokenSource(deps(t.db))(BigInt(p));
      sandbox.state.oauth.uninstall(p, sandbox.app.appId);
      await t.db.installation.update({ where: { portalId: BigInt(p) }, data: { accessTokenExpiresAt: new Date(0) } });
      await accessTokenSource(deps(t.db))(BigInt(p)).catch(() => undefined);
      expect(lines.some((l) => l.includes('refreshed'))).toBe(true);
      for (const secret of [token, issued.token, issued.refreshToken]) expect(lines.join('\n')).not.toContain(secret);
    } finally {
      out.mockRestore();
      err.mockRestore();
    }
  });
});

describe('token vault at rest', () => {
  it('a token ciphertext moved to another portal\'s row fails to decrypt', async () => {
    const p1 = sandbox.state.addPortal({ id: 70003, domain: 'one.example' }).id;
    const p2 = sandbox.state.addPortal({ id: 70004, domain: 'two.example' }).id;
    await seedInstallation(t.db, [k1], BigInt(p1), { accessToken: 'portal-one-token' });
    await seedInstallation(t.db, [k1], BigInt(p2), { accessToken: 'portal-two-token' });
    const stolen = await t.db.installation.findUniqueOrThrow({ where: { portalId: BigInt(p1) } });
    await t.db.installation.update({ where: { portalId: BigInt(p2) }, data: { accessTokenCipher: stolen.accessTokenCipher } });
    const get = accessTokenSource(deps(t.db));
    await expect(get(BigInt(p2))).rejects.toBeInstanceOf(TokenVaultError);
    expect(await get(BigInt(p1))).toBe('portal-one-token');
  });

  it('rotation: a token under an old key still works and is re-encrypted under the new key on read', async () => {
    const p = sandbox.state.addPortal({ id: 70005, domain: 'rotate.example' }).id;
    await seedInstallation(t.db, [k1], BigInt(p), { accessToken: 'rotating-token' });
    expect(await accessTokenSource(deps(t.db, [k2, k1]))(BigInt(p))).toBe('rotating-token');
    const row = await t.db.installation.findUniqueOrThrow({ where: { portalId: BigInt(p) } });
    expect(row.accessTokenCipher.startsWith('k2:')).toBe(true);
    expect(row.refreshTokenCipher.startsWith('k2:')).toBe(true);
    // Bulk rotation moves the other rows and reports the tampered one instead of aborting.
    const first = await reencryptAllInstallations(t.db, [k2, k1]);
    expect(first.reencrypted).toBeGreaterThan(0);
    expect(first.failed).toEqual([70004n]);
    expect((await reencryptAllInstallations(t.db, [k2, k1])).reencrypted).toBe(0);
  });
});
