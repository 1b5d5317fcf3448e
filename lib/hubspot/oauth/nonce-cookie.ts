/**
 * The browser-binding cookie for the OAuth `state`: HttpOnly (scripts cannot read it),
 * SameSite=Lax (sent on HubSpot's top-level redirect back to us, not on cross-site
 * sub-requests), scoped to the OAuth routes, Secure when the app is served over HTTPS.
 */
import { OAUTH_NONCE_COOKIE, OAUTH_STATE_TTL_MS } from './oauth-state-policy';

function attributes(appUrl: string, maxAgeSeconds: number): string {
  const secure = appUrl.startsWith('https://') ? '; Secure' : '';
  return `Path=/api/hubspot/oauth; HttpOnly; SameSite=Lax; Max-Age=${maxAgeSeconds}${secure}`;
}

export function setNonceCookie(appUrl: string, nonce: string): string {
  return `${OAUTH_NONCE_COOKIE}=${nonce}; ${attributes(appUrl, Math.floor(OAUTH_STATE_TTL_MS / 1000))}`;
}

export function clearNonceCookie(appUrl: string): string {
  return `${OAUTH_NONCE_COOKIE}=; ${attributes(appUrl, 0)}`;
}

/** Reads the nonce from a Cookie header; undefined when absent. */
export function readNonceCookie(cookieHeader: string | null): string | undefined {
  if (!cookieHeader) return undefined;
  for (const part of cookieHeader.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === OAUTH_NONCE_COOKIE) return rest.join('=') || undefined;
  }
  return undefined;
}
