/**
 * Install and callback handlers against the sandbox's real consent and v3 token endpoints:
 * a full install, reinstall, and every way the state can be wrong (missing, unknown, reused,
 * expired, started in another browser) → a 400 page, nothing stored, no token call.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markUninstalled } from '../../../lib/runtime/store/installations';
import { handleCallback, type CallbackDeps } from '../../../lib/runtime/install/handle-callback';
import { handleInstall } from '../../../lib/runtime/install/handle-install';
import type { OAuthConfig } from '../../../lib/hubspot/oauth/oauth-config';
import { decryptToken, type VaultKey } from '../../../lib/hubspot/token-vault';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

const APP_URL = 'http://localhost:3999';
const CLIENT_ID = 'oauth-test-client';
const CLIENT_SECRET = 'oauth-test-secret-00000000000';
const AUTH_SECRET = 'oauth-test-auth-secret-000000000000000';
const keys: VaultKey[] = [{ id: 'k1', key: randomBytes(32) }];

let t: TestDatabase;
let sandbox: SandboxHandle;
let oauth: OAuthConfig;
let clock = Date.now();

function deps(): CallbackDeps {
  return { db: t.db, oauth, keys, appUrl: APP_URL, authSecret: AUTH_SECRET, now: () => new Date(clock) };
}

/** Runs the install route; returns the authorize URL and the browser's cookie. */
async function startInstall() {
  const response = await handleInstall({ db: t.db, oauth, appUrl: APP_URL, now: () => new Date(clock) });
  expect(response.status).toBe(302);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { authorize: new URL(response.headers.get('location') as string), cookie };
}

/** Plays the person clicking "Connect" on the sandbox consent page; returns the callback URL. */
async function consent(authorize: URL, portalId = sandbox.demoPortalId): Promise<string> {
  const page = await fetch(authorize);
  expect(page.status).toBe(200);
  const form = new URLSearchParams(authorize.searchParams);
  form.set('portal_id', String(portalId));
  form.set('decision', 'connect');
  const submit = await fetch(`${sandbox.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
  expect(submit.status).toBe(302);
  return submit.headers.get('location') as string;
}

const callback = (url: string, cookie?: string) =>
  handleCallback(deps(), new Request(url, { headers: cookie ? { cookie } : {} }));

const tokenCalls = () => sandbox.state.oauth.accessTokens.size;

beforeAll(async () => {
  t = await createTestDatabase();
  sandbox = await startSandbox({
    port: 0, appTargetUrl: null, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET,
    redirectUris: [`${APP_URL}/api/hubspot/oauth/callback`],
  });
  oauth = { apiBase: sandbox.url, appBase: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${APP_URL}/api/hubspot/oauth/callback` };
});

afterAll(async () => {
  await sandbox.stop();
  await t.drop();
});

describe('OAuth install', () => {
  it('completes: v3 code exchange, introspection, installation stored, user sent to the connected page', async () => {
    const { authorize, cookie } = await startInstall();
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(cookie).toMatch(/^waymark_oauth_nonce=/);
    const response = await callback(await consent(authorize), cookie);
    expect(response.status).toBe(302);
    const landed = new URL(response.headers.get('location') as string);
    expect(landed.origin + landed.pathname).toBe(`${APP_URL}/connected`);
    expect(landed.searchParams.get('portalId')).toBe(String(sandbox.demoPortalId));
    expect(response.headers.get('set-cookie')).toContain('Max-Age=0');

    const row = await t.db.installation.findUniqueOrThrow({ where: { portalId: BigInt(sandbox.demoPortalId) } });
    expect(row.status).toBe('active');
    expect(row.scopes).toContain('crm.objects.contacts.read');
    expect(row.installedByEmail).toMatch(/@/);
    expect(row.installedByUserId).not.toBeNull();
    const access = decryptToken(keys, row.portalId, row.accessTokenCipher);
    expect(sandbox.state.oauth.accessTokens.get(access)?.portalId).toBe(sandbox.demoPortalId);
    expect(row.accessTokenExpiresAt.getTime()).toBeGreaterThan(clock + 25 * 60 * 1000);
  });

  it('a reinstall updates the installation and makes it active again', async () => {
    const portalId = BigInt(sandbox.demoPortalId);
    await markUninstalled(t.db, portalId, new Date(clock));
    const before = await t.db.installation.findUniqueOrThrow({ where: { portalId } });
    const { authorize, cookie } = await startInstall();
    expect((await callback(await consent(authorize), cookie)).status).toBe(302);
    const after = await t.db.installation.findUniqueOrThrow({ where: { portalId } });
    expect(after.id).toBe(before.id);
    expect(after.status).toBe('active');
    expect(after.uninstalledAt).toBeNull();
    expect(after.accessTokenCipher).not.toBe(before.accessTokenCipher);
    expect(await t.db.installation.count()).toBe(1);
    // Work that halted while the portal was not installed is picked up again.
    const resume = await t.pool.query(
      `SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
        WHERE k.identifier = 'resume-portal' AND j.key = $1`,
      [`resume-portal:${portalId}`],
    );
    expect(resume.rows).toEqual([{ payload: { portalId: portalId.toString() } }]);
  });
});

describe('OAuth callback rejects a bad state (400 page, nothing stored, no token call)', () => {
  async function expectRejected(response: Response, message: RegExp) {
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toMatch(message);
  }

  it('missing state', async () => {
    const { authorize, cookie } = await startInstall();
    const url = new URL(await consent(authorize));
    url.searchParams.delete('state');
    const [installs, calls] = [await t.db.installation.count(), tokenCalls()];
    await expectRejected(await callback(url.toString(), cookie), /missing its state/);
    expect([await t.db.installation.count(), tokenCalls()]).toEqual([installs, calls]);
  });

  it('no browser cookie', async () => {
    const { authorize } = await startInstall();
    await expectRejected(await callback(await consent(authorize)), /missing its state or this browser has no install cookie/);
  });

  it('reused state (the same callback URL twice)', async () => {
    const { authorize, cookie } = await startInstall();
    const url = await consent(authorize);
    expect((await callback(url, cookie)).status).toBe(302);
    const calls = tokenCalls();
    await expectRejected(await callback(url, cookie), /already been used/);
    expect(tokenCalls()).toBe(calls);
  });

  it('foreign state (started in another browser)', async () => {
    const victim = await startInstall();
    const attacker = await startInstall();
    const calls = tokenCalls();
    await expectRejected(await callback(await consent(attacker.authorize), victim.cookie), /different browser/);
    expect(tokenCalls()).toBe(calls);
  });

  it('expired state', async () => {
    const { authorize, cookie } = await startInstall();
    const url = await consent(authorize);
    clock += 11 * 60 * 1000;
    try {
      await expectRejected(await callback(url, cookie), /expired/);
    } finally {
      clock = Date.now();
    }
  });

  it('a state Waymark never issued', async () => {
    const { authorize, cookie } = await startInstall();
    const url = new URL(await consent(authorize));
    url.searchParams.set('state', 'forged-state');
    await expectRejected(await callback(url.toString(), cookie), /not issued by Waymark/);
  });

  it('the person cancelled on HubSpot\'s consent page', async () => {
    const { authorize, cookie } = await startInstall();
    const form = new URLSearchParams(authorize.searchParams);
    form.set('decision', 'cancel');
    const submit = await fetch(`${sandbox.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    await expectRejected(await callback(submit.headers.get('location') as string, cookie), /cancelled|access_denied/);
  });
});
