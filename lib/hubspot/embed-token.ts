/**
 * Short-lived tokens for the pages HubSpot shows in an iframe (record panel, contract editor,
 * audit report). HubSpot iframes cannot rely on third-party cookies, so the card backend (which
 * has just verified HubSpot's request signature) mints a token bound to the portal, the HubSpot
 * user and the record, and the page verifies it.
 *
 * Format: `base64url(JSON claims) + "." + base64url(HMAC-SHA256(secret, "waymark-embed.v1." + claims))`.
 * Pure: the secret and the current time are passed in.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { int64Id } from '../schema/int64-id';
import type { CrmObjectType } from './crm-port';
import { crmObjectTypeSchema } from './object-types';
import { safeEqual } from './signature';

/** How long an embed token stays valid. */
export const EMBED_TOKEN_TTL_MS = 10 * 60 * 1000;

const claimsSchema = z.object({
  /** Portal (HubSpot account) id. */
  p: int64Id(),
  /** HubSpot user id that opened the card. */
  u: int64Id(),
  /** Object type (contact, company, deal, ticket). */
  t: crmObjectTypeSchema,
  /** Record id. */
  r: int64Id(),
  /** Expiry, epoch ms. */
  exp: z.number().int().positive(),
});

/** What an embed token proves: who may see which record of which portal, until when. */
export interface EmbedClaims {
  portalId: string;
  userId: string;
  objectType: CrmObjectType;
  recordId: string;
  expiresAt: number;
}

export type EmbedTokenResult =
  | { ok: true; claims: EmbedClaims }
  | { ok: false; reason: 'missing' | 'malformed' | 'bad-signature' | 'expired' };

function mac(secret: string, body: string): string {
  return createHmac('sha256', secret).update(`waymark-embed.v1.${body}`, 'utf8').digest('base64url');
}

/** Mints a token for these claims, valid for `ttlMs` from `now` (epoch ms). */
export function signEmbedToken(
  secret: string,
  claims: Omit<EmbedClaims, 'expiresAt'>,
  now: number,
  ttlMs: number = EMBED_TOKEN_TTL_MS,
): string {
  const body = Buffer.from(
    JSON.stringify({ p: claims.portalId, u: claims.userId, t: claims.objectType, r: claims.recordId, exp: now + ttlMs }),
    'utf8',
  ).toString('base64url');
  return `${body}.${mac(secret, body)}`;
}

/** Verifies signature (constant time) and expiry; never throws. */
export function verifyEmbedToken(secret: string, token: string | null | undefined, now: number): EmbedTokenResult {
  if (!token) return { ok: false, reason: 'missing' };
  const parts = token.split('.');
  if (parts.length !== 2 || !parts[0] || !parts[1]) return { ok: false, reason: 'malformed' };
  const [body, signature] = parts as [string, string];
  if (!safeEqual(mac(secret, body), signature)) return { ok: false, reason: 'bad-signature' };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
  const parsed = claimsSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: 'malformed' };
  const c = parsed.data;
  if (c.exp <= now) return { ok: false, reason: 'expired' };
  return { ok: true, claims: { portalId: c.p, userId: c.u, objectType: c.t, recordId: c.r, expiresAt: c.exp } };
}
