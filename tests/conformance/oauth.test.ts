// OAuth grants as HubSpot states them (reference §1): code and refresh grants, 30-minute tokens,
// metadata and introspection, invalid_grant / BAD_REFRESH_TOKEN.
import { Client } from '@hubspot/api-client';
import { expect, it } from 'vitest';
import { accessToken, refreshGrant } from './target/access-token';
import { forEachTarget, itWith } from './target/targets';

forEachTarget('OAuth', (target) => {
  it('refresh_token grant on v3 returns a 30-minute bearer token with hub_id, scopes and token_use', async () => {
    const response = await refreshGrant(target());
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 1800, hub_id: target().portalId, token_use: 'access_token' });
    expect(typeof body.access_token).toBe('string');
    // Whether HubSpot rotates refresh tokens is unverified; a caller stores whatever comes back.
    expect(typeof body.refresh_token).toBe('string');
    expect(body.scopes).toEqual(expect.arrayContaining(['oauth', 'crm.objects.contacts.read']));
  });

  it('refresh_token grant through the SDK (v1 endpoint) works the same', async () => {
    const client = new Client({ basePath: target().apiBase });
    const tokens = await client.oauth.tokensApi.create('refresh_token', undefined, undefined, target().clientId, target().clientSecret, target().refreshToken);
    expect(tokens.expiresIn).toBe(1800);
    expect(tokens.tokenType.toLowerCase()).toBe('bearer');
    const info = await client.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info.hubId).toBe(target().portalId);
    expect(info.expiresIn).toBeGreaterThan(1700);
    const refresh = await client.oauth.refreshTokensApi.get(target().refreshToken);
    expect(refresh.hubId).toBe(target().portalId);
    expect(refresh.clientId).toBe(target().clientId);
  });

  it('a bad refresh token is 400 invalid_grant / BAD_REFRESH_TOKEN on v1 and v3', async () => {
    for (const path of ['/oauth/v1/token', '/oauth/v3/token']) {
      const response = await refreshGrant({ ...target(), refreshToken: 'na1-0000-not-a-real-token' }, path);
      expect(response.status).toBe(400);
      const body = await response.json();
      expect(body.status).toBe('BAD_REFRESH_TOKEN');
      if (path.includes('v3')) expect(body.error).toBe('invalid_grant');
    }
  });

  it('a wrong client secret is rejected with 4xx', async () => {
    const response = await refreshGrant({ ...target(), clientSecret: 'wrong-secret-xyz' });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
  });

  it('introspection accepts `token` and the hint-named field', async () => {
    const token = await accessToken(target());
    const base = { client_id: target().clientId, client_secret: target().clientSecret, token_type_hint: 'access_token' };
    for (const form of [{ ...base, token }, { ...base, access_token: token }]) {
      const response = await fetch(`${target().apiBase}/oauth/v3/token/introspect`, { method: 'POST', body: new URLSearchParams(form) });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ active: true, hub_id: target().portalId, token_use: 'access_token' });
    }
  });

  itWith('authorizationCode', target, 'an authorization code is single use', async () => {
    const { code, redirectUri } = await target().authorizationCode!();
    const exchange = () =>
      fetch(`${target().apiBase}/oauth/v3/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'authorization_code', client_id: target().clientId, client_secret: target().clientSecret, redirect_uri: redirectUri, code }),
      });
    const first = await exchange();
    expect(first.status).toBe(200);
    expect((await first.json()).expires_in).toBe(1800);
    const second = await exchange();
    expect(second.status).toBe(400);
    expect((await second.json()).error).toBe('invalid_grant');
  });
});
