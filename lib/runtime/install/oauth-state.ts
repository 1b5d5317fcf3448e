/**
 * Single-use OAuth `state`, bound to the browser that started the install.
 *
 * The install route creates a random `state` (sent to HubSpot) and a random nonce (kept only in
 * an HttpOnly SameSite=Lax cookie in the user's browser); the database stores the state with a
 * SHA-256 hash of the nonce and an expiry. The callback accepts the state only once, only before
 * it expires, and only from the browser holding the nonce, so a callback URL replayed or planted
 * in another browser (login CSRF) installs nothing.
 */
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/prisma';
import { hashNonce, OAUTH_STATE_TTL_MS } from '../../hubspot/oauth/oauth-state-policy';
import { safeEqual } from '../../hubspot/signature';
import { isSafeText } from '../../schema/safe-string';
import { claimOAuthState, deleteOAuthStatesExpiredBefore, findOAuthState, insertOAuthState } from '../store/oauth-states';

export type StateCheck = { ok: true } | { ok: false; reason: 'missing' | 'unknown' | 'reused' | 'expired' | 'foreign' };

const DAY_MS = 24 * 3600 * 1000;

/** Creates and stores a fresh state; returns it with the nonce for the browser cookie. */
export async function createOAuthState(db: Db, now: Date): Promise<{ state: string; nonce: string }> {
  const state = randomBytes(24).toString('base64url');
  const nonce = randomBytes(32).toString('base64url');
  await deleteOAuthStatesExpiredBefore(db, new Date(now.getTime() - DAY_MS));
  await insertOAuthState(db, { state, browserBinding: hashNonce(nonce), createdAt: now, expiresAt: new Date(now.getTime() + OAUTH_STATE_TTL_MS) });
  return { state, nonce };
}

/** Consumes a state. A failure is explained by reading the row; a foreign browser does not burn the state. */
export async function consumeOAuthState(db: Db, state: string | null | undefined, nonce: string | null | undefined, now: Date): Promise<StateCheck> {
  if (!state) return { ok: false, reason: 'missing' };
  // Waymark's states are short URL-safe text; anything else was never issued (and could not be queried).
  if (state.length > 200 || !isSafeText(state)) return { ok: false, reason: 'unknown' };
  if (!nonce) {
    // No cookie: most often a replayed callback (the cookie is cleared after first use).
    const row = await findOAuthState(db, state);
    return { ok: false, reason: row?.usedAt ? 'reused' : 'missing' };
  }
  const binding = hashNonce(nonce);
  if (await claimOAuthState(db, state, binding, now)) return { ok: true };
  const row = await findOAuthState(db, state);
  if (!row) return { ok: false, reason: 'unknown' };
  if (!safeEqual(row.browserBinding, binding)) return { ok: false, reason: 'foreign' };
  if (row.usedAt) return { ok: false, reason: 'reused' };
  return { ok: false, reason: 'expired' };
}
