import { Client } from '@hubspot/api-client';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { clickConnect } from './support/oauth-flow';

const CLIENT_ID = 'edge-client';
const CLIENT_SECRET = 'edge-secret-123456';
const REDIRECT = 'http://localhost:3997/callback';
const SCOPES = 'oauth crm.objects.contacts.read';

let sandbox: SandboxHandle;
let now = Date.parse('2026-11-30T12:00:00Z');

beforeAll(async () => {
  // A project whose app component fixes the scopes, as hubspot/src/app/app-hsmeta.json does.
  const projectDir = mkdtempSync(join(tmpdir(), 'sandbox-project-'));
  mkdirSync(join(projectDir, 'src/app'), { recursive: true });
  writeFileSync(
    join(projectDir, 'src/app/app-hsmeta.json'),
    JSON.stringify({ config: { auth: { redirectUrls: [REDIRECT], requiredScopes: SCOPES.split(' '), optionalScopes: ['automation'] } } }),
  );
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, appTargetUrl: null, projectDir, now: () => now });
});

afterAll(async () => {
  await sandbox?.stop();
});

const authorizeUrl = (params: Record<string, string>) => `${sandbox.url}/oauth/authorize?${new URLSearchParams(params)}`;
const token = (form: Record<string, string>, path = '/oauth/v3/token') => fetch(`${sandbox.url}${path}`, { method: 'POST', body: new URLSearchParams(form) });

describe('consent page', () => {
  it('explains unknown client ids, foreign redirect URLs and scope mismatches instead of redirecting', async () => {
    for (const [params, text] of [
      [{ client_id: 'nope', redirect_uri: REDIRECT, scope: SCOPES }, 'Unknown client_id'],
      [{ client_id: CLIENT_ID, redirect_uri: 'https://evil.example/cb', scope: SCOPES }, 'does not match'],
      [{ client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: 'oauth' }, 'mismatch between the scopes'],
      [{ client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: SCOPES, optional_scope: 'tickets' }, 'Optional scopes not configured'],
    ] as const) {
      const response = await fetch(authorizeUrl(params), { redirect: 'manual' });
      expect(response.status).toBe(400);
      expect(await response.text()).toContain(text);
    }
  });

  it('Cancel redirects back with error=access_denied and the state', async () => {
    const form = new URLSearchParams({ client_id: CLIENT_ID, redirect_uri: REDIRECT, scope: SCOPES, state: 'xyz', portal_id: '62515', decision: 'cancel' });
    const response = await fetch(`${sandbox.url}/oauth/authorize`, { method: 'POST', body: form, redirect: 'manual' });
    const location = new URL(response.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('xyz');
    expect(location.searchParams.get('code')).toBeNull();
  });

  it('grants configured optional scopes and installs into the chosen portal', async () => {
    const redirect = await clickConnect(sandbox.url, { clientId: CLIENT_ID, redirectUri: REDIRECT, scope: SCOPES, optionalScope: 'automation', portalId: 62516 });
    const response = await token({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT, code: redirect.searchParams.get('code')! });
    expect(await response.json()).toMatchObject({ hub_id: 62516, scopes: ['oauth', 'crm.objects.contacts.read', 'automation'] });
  });
});

describe('token endpoint', () => {
  it('rejects a code for another redirect URI, an expired code and a reused code', async () => {
    const code = async () => (await clickConnect(sandbox.url, { clientId: CLIENT_ID, redirectUri: REDIRECT, scope: SCOPES })).searchParams.get('code')!;
    const wrongRedirect = await token({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: 'http://other/cb', code: await code() });
    expect(await wrongRedirect.json()).toMatchObject({ error: 'invalid_grant', status: 'BAD_REDIRECT_URI' });

    const stale = await code();
    now += 11 * 60_000;
    const expired = await token({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT, code: stale });
    expect(expired.status).toBe(400);
    expect((await expired.json()).error).toBe('invalid_grant');

    const fresh = await code();
    const form = { grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT, code: fresh };
    expect((await token(form)).status).toBe(200);
    expect((await (await token(form)).json()).status).toBe('BAD_AUTH_CODE');
  });

  it('v1 accepts the legacy query-string secret; v3 does not', async () => {
    const install = sandbox.state.install(62515, CLIENT_ID);
    const query = `client_secret=${CLIENT_SECRET}&refresh_token=${install.refreshToken}`;
    const form = { grant_type: 'refresh_token', client_id: CLIENT_ID };
    expect((await token(form, `/oauth/v1/token?${query}`)).status).toBe(200);
    const v3 = await token(form, `/oauth/v3/token?${query}`);
    expect(await v3.json()).toMatchObject({ error: 'invalid_client', status: 'BAD_CLIENT_SECRET' });
  });

  it('unsupported grant types are rejected', async () => {
    const response = await token({ grant_type: 'password', client_id: CLIENT_ID, client_secret: CLIENT_SECRET });
    expect(await response.json()).toMatchObject({ error: 'unsupported_grant_type' });
  });
});

describe('token lifetime, revocation and uninstall', () => {
  it('an access token expires after 30 minutes with HubSpot’s EXPIRED_AUTHENTICATION 401, and a refresh fixes it', async () => {
    const install = sandbox.state.install(62515, CLIENT_ID);
    const client = new Client({ basePath: sandbox.url, accessToken: install.token });
    await client.crm.contacts.basicApi.getPage(1);
    now += 30 * 60_000;
    const expired = await fetch(`${sandbox.url}/crm/v3/objects/contacts`, { headers: { authorization: `Bearer ${install.token}` } });
    expect(expired.status).toBe(401);
    expect(await expired.json()).toMatchObject({ category: 'EXPIRED_AUTHENTICATION' });
    const refreshed = await token({ grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: install.refreshToken });
    const body = await refreshed.json();
    expect(body.refresh_token).toBe(install.refreshToken);
    client.setAccessToken(body.access_token);
    expect((await client.crm.contacts.basicApi.getPage(1)).results).toHaveLength(1);
  });

  it('revoking the refresh token (v3) stops refreshes but not the current access token', async () => {
    const install = sandbox.state.install(62515, CLIENT_ID);
    const revoke = await fetch(`${sandbox.url}/oauth/v3/token/revoke`, {
      method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, token: install.refreshToken, token_type_hint: 'refresh_token' }),
    });
    expect(revoke.status).toBe(200);
    const refresh = await token({ grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: install.refreshToken });
    expect(await refresh.json()).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' });
    const still = await fetch(`${sandbox.url}/crm/v3/objects/contacts?limit=1`, { headers: { authorization: `Bearer ${install.token}` } });
    expect(still.status).toBe(200);
    const introspect = await fetch(`${sandbox.url}/oauth/v3/token/introspect`, {
      method: 'POST', body: new URLSearchParams({ client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: install.refreshToken, token_type_hint: 'refresh_token' }),
    });
    expect(await introspect.json()).toEqual({ active: false });
  });

  it('DELETE /appinstalls/v3/external-install uninstalls: tokens stop working, refresh fails with BAD_REFRESH_TOKEN', async () => {
    const install = sandbox.state.install(62516, CLIENT_ID);
    const uninstall = await fetch(`${sandbox.url}/appinstalls/v3/external-install`, { method: 'DELETE', headers: { authorization: `Bearer ${install.token}` } });
    expect(uninstall.status).toBe(204);
    const after = await fetch(`${sandbox.url}/crm/v3/objects/contacts`, { headers: { authorization: `Bearer ${install.token}` } });
    expect(after.status).toBe(401);
    const refresh = await token({ grant_type: 'refresh_token', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, refresh_token: install.refreshToken }, '/oauth/v1/token');
    expect(await refresh.json()).toMatchObject({ status: 'BAD_REFRESH_TOKEN' });
  });

  it('a token without the scope gets HubSpot’s 403 MISSING_SCOPES', async () => {
    const install = sandbox.state.install(62515, CLIENT_ID, { scopes: ['oauth', 'crm.objects.contacts.read'] });
    const client = new Client({ basePath: sandbox.url, accessToken: install.token });
    const error = await client.crm.contacts.basicApi.create({ properties: { firstname: 'x' }, associations: [] }).catch((e: { code: number; body: unknown }) => e);
    expect(error).toMatchObject({ code: 403, body: { category: 'MISSING_SCOPES' } });
  });
});
