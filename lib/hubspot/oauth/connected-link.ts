/**
 * The link the OAuth callback sends the browser to: `/connected?portalId=N&t=…`. The HMAC token
 * (keyed with `env().authSecret`, valid 15 minutes) stops anyone from reading a portal's
 * installation details by guessing portal ids. Pure.
 */
import { isInt64Id } from '../../schema/int64-id';
import { createHmac } from 'node:crypto';
import { safeEqual } from '../signature';

export const CONNECTED_LINK_TTL_MS = 15 * 60 * 1000;

function mac(secret: string, portalId: string, expiresAt: number): string {
  return createHmac('sha256', secret).update(`waymark-connected.v1.${portalId}.${expiresAt}`).digest('base64url');
}

export function connectedLink(appUrl: string, secret: string, portalId: bigint, now: number): string {
  const expiresAt = now + CONNECTED_LINK_TTL_MS;
  const t = `${expiresAt}.${mac(secret, portalId.toString(), expiresAt)}`;
  return `${appUrl}/connected?portalId=${portalId}&t=${encodeURIComponent(t)}`;
}

export function verifyConnectedLink(secret: string, portalId: string | undefined, token: string | undefined, now: number): boolean {
  if (!portalId || !isInt64Id(portalId) || !token) return false;
  const [expText, signature] = token.split('.');
  if (!expText || !signature || !/^\d{1,16}$/.test(expText)) return false;
  const expiresAt = Number(expText);
  if (expiresAt <= now) return false;
  return safeEqual(mac(secret, portalId, expiresAt), signature);
}
