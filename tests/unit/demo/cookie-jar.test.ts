import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../lib/demo/cookie-jar';
import { clearNonceCookie, setNonceCookie } from '../../../lib/hubspot/oauth/nonce-cookie';

describe('CookieJar', () => {
  it('keeps the OAuth nonce cookie for the app’s OAuth routes only, on the same host, until it is cleared', () => {
    const jar = new CookieJar();
    const app = 'http://localhost:3000';
    jar.store(`${app}/api/hubspot/oauth/install`, [setNonceCookie(app, 'n0nce')]);
    expect(jar.header(`${app}/api/hubspot/oauth/callback?code=1`)).toBe('waymark_oauth_nonce=n0nce');
    expect(jar.header(`${app}/api/hubspot/oauthx`)).toBeUndefined();
    expect(jar.header(`${app}/connected`)).toBeUndefined();
    expect(jar.header('http://127.0.0.1:4010/api/hubspot/oauth/callback')).toBeUndefined();
    jar.store(`${app}/api/hubspot/oauth/callback`, [clearNonceCookie(app)]);
    expect(jar.header(`${app}/api/hubspot/oauth/callback`)).toBeUndefined();
  });

  it('expires cookies by Max-Age and sends several as one header', () => {
    const jar = new CookieJar();
    jar.store('http://h/a', ['x=1; Max-Age=10', 'y=2', 'bad', '=nameless'], 1_000);
    expect(jar.header('http://h/any', 5_000)).toBe('x=1; y=2');
    expect(jar.header('http://h/any', 11_001)).toBe('y=2');
  });
});
