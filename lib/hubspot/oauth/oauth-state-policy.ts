/** How the OAuth `state` is bound to a browser (shared by the cookie and the state check). */
import { createHash } from 'node:crypto';

/** How long a user has to get through HubSpot's consent screen. */
export const OAUTH_STATE_TTL_MS = 10 * 60 * 1000;

/** The cookie carrying the browser's nonce. */
export const OAUTH_NONCE_COOKIE = 'waymark_oauth_nonce';

/** The database keeps only this hash of the browser's nonce. */
export function hashNonce(nonce: string): string {
  return createHash('sha256').update(nonce, 'utf8').digest('hex');
}
