import { describe, expect, it } from 'vitest';
import { authorizeUrl } from '../../../lib/hubspot/oauth/authorize-url';
import { connectedLink, verifyConnectedLink } from '../../../lib/hubspot/oauth/connected-link';
import { clearNonceCookie, readNonceCookie, setNonceCookie } from '../../../lib/hubspot/oauth/nonce-cookie';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../../lib/hubspot/scopes';

describe('authorize URL', () => {
  it('carries client id, redirect URI, space-separated scopes and the state', () => {
    const url = new URL(
      authorizeUrl({ appBase: 'https://app.hubspot.com', clientId: 'cid', redirectUri: 'https://w.example/api/hubspot/oauth/callback' }, 'st4te'),
    );
    expect(url.origin + url.pathname).toBe('https://app.hubspot.com/oauth/authorize');
    expect(url.searchParams.get('client_id')).toBe('cid');
    expect(url.searchParams.get('redirect_uri')).toBe('https://w.example/api/hubspot/oauth/callback');
    expect(url.searchParams.get('scope')?.split(' ')).toEqual([...REQUIRED_SCOPES]);
    expect(url.searchParams.get('optional_scope')?.split(' ')).toEqual([...OPTIONAL_SCOPES]);
    expect(url.searchParams.get('state')).toBe('st4te');
    expect(url.search).not.toContain('+');
  });

  it('asks for least privilege: required scopes are a small subset and never repeat optional ones', () => {
    expect(REQUIRED_SCOPES).toContain('oauth');
    for (const scope of REQUIRED_SCOPES) expect(OPTIONAL_SCOPES as readonly string[]).not.toContain(scope);
  });
});

describe('nonce cookie', () => {
  it('is HttpOnly, SameSite=Lax, scoped to the OAuth routes and Secure on https', () => {
    const cookie = setNonceCookie('https://w.example', 'n0nce');
    expect(cookie).toMatch(/^waymark_oauth_nonce=n0nce; /);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).toContain('Path=/api/hubspot/oauth');
    expect(cookie).toContain('Secure');
    expect(setNonceCookie('http://localhost:3000', 'n')).not.toContain('Secure');
    expect(clearNonceCookie('http://localhost:3000')).toContain('Max-Age=0');
  });

  it('is read back from a Cookie header among others', () => {
    expect(readNonceCookie('a=1; waymark_oauth_nonce=abc-_; b=2')).toBe('abc-_');
    expect(readNonceCookie('a=1')).toBeUndefined();
    expect(readNonceCookie(null)).toBeUndefined();
  });
});

describe('connected link', () => {
  const secret = 'connected-secret-connected-secret-0000';
  it('verifies for its portal until it expires', () => {
    const url = new URL(connectedLink('https://w.example', secret, 62515n, 1000));
    const portalId = url.searchParams.get('portalId') ?? undefined;
    const t = url.searchParams.get('t') ?? undefined;
    expect(portalId).toBe('62515');
    expect(verifyConnectedLink(secret, portalId, t, 2000)).toBe(true);
    expect(verifyConnectedLink(secret, '62516', t, 2000)).toBe(false);
    expect(verifyConnectedLink(secret, portalId, t, 1000 + 15 * 60 * 1000)).toBe(false);
    expect(verifyConnectedLink(secret, portalId, 'junk', 2000)).toBe(false);
  });
});
