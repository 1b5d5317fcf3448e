/**
 * HubSpot request signatures v1, v2 and v3 (reference: shared/reference/hubspot.md §2.5).
 *
 * - v1: hex SHA-256 of `clientSecret + rawBody` (webhook deliveries).
 * - v2: hex SHA-256 of `clientSecret + METHOD + URI + rawBody` (workflow actions, legacy cards).
 * - v3: base64 HMAC-SHA256 keyed with the client secret over `METHOD + URI + rawBody + timestamp`,
 *   where URI has a fixed list of percent-escapes decoded and the timestamp (epoch ms, the exact
 *   header string) must be at most 5 minutes old.
 *
 * Pure: no clock, no I/O. `now` is injected so the window can be tested. Verification accepts a
 * list of client secrets so a secret can be rotated without rejecting in-flight requests.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How old (ms) a v3 timestamp may be before the request is rejected. */
export const V3_MAX_AGE_MS = 5 * 60 * 1000;
/** How far (ms) a v3 timestamp may lie in the future (clock skew) by default. */
export const V3_MAX_FUTURE_SKEW_MS = 60 * 1000;

/** Header names HubSpot sends (Node lower-cases incoming header names). */
export const SIGNATURE_HEADERS = {
  legacy: 'x-hubspot-signature',
  legacyVersion: 'x-hubspot-signature-version',
  v3: 'x-hubspot-signature-v3',
  timestamp: 'x-hubspot-request-timestamp',
} as const;

// Only these escapes are decoded before hashing; everything else stays as sent (§2.5 rule 2).
const V3_DECODINGS: Record<string, string> = {
  '%3A': ':', '%2F': '/', '%3F': '?', '%40': '@', '%21': '!', '%24': '$',
  '%27': "'", '%28': '(', '%29': ')', '%2A': '*', '%2C': ',', '%3B': ';',
};

/** Decodes the percent-escapes HubSpot decodes before signing a v3 URI (case-insensitive hex). */
export function normalizeV3Uri(uri: string): string {
  return uri.replace(/%[0-9A-Fa-f]{2}/g, (escape) => V3_DECODINGS[escape.toUpperCase()] ?? escape);
}

/** v1 signature: lowercase hex SHA-256 of secret + raw body. */
export function signV1(clientSecret: string, rawBody: string): string {
  return createHash('sha256').update(clientSecret + rawBody, 'utf8').digest('hex');
}

/** v2 signature: lowercase hex SHA-256 of secret + METHOD + URI (as requested) + raw body. */
export function signV2(clientSecret: string, method: string, uri: string, rawBody: string): string {
  return createHash('sha256').update(clientSecret + method.toUpperCase() + uri + rawBody, 'utf8').digest('hex');
}

/** v3 signature: base64 HMAC-SHA256 over METHOD + normalised URI + raw body + timestamp string. */
export function signV3(clientSecret: string, method: string, uri: string, rawBody: string, timestamp: string): string {
  return createHmac('sha256', clientSecret)
    .update(method.toUpperCase() + normalizeV3Uri(uri) + rawBody + timestamp, 'utf8')
    .digest('base64');
}

/** Constant-time string equality; unequal lengths are rejected before the compare (which would throw). */
export function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  if (left.length !== right.length) return false;
  return timingSafeEqual(left, right);
}

/** Everything needed to verify one incoming request. */
export interface SignedRequest {
  method: string;
  /** The full URL HubSpot called (built from the public app URL, never from the Host header). */
  uri: string;
  /** Raw body bytes as text; empty string for GET. */
  rawBody: string;
}

/** Why a verification failed; `ok: true` names the secret index that matched (rotation). */
export type VerifyResult =
  | { ok: true; secretIndex: number }
  | { ok: false; reason: 'missing' | 'malformed-timestamp' | 'stale' | 'future' | 'mismatch' };

export interface VerifyV3Input extends SignedRequest {
  signature: string | null | undefined;
  timestamp: string | null | undefined;
  /** Current and previous client secrets (rotation). */
  clientSecrets: readonly string[];
  /** Current time in epoch ms (injected clock). */
  now: number;
  /** Allowed clock skew into the future, ms (default 60 s). HubSpot's SDKs accept any future value; a far-future stamp is a replay vector. */
  maxFutureSkewMs?: number;
}

/** Verifies a v3 signature: timestamp window first, then constant-time compare per secret. */
export function verifyV3(input: VerifyV3Input): VerifyResult {
  const { signature, timestamp } = input;
  if (!signature || !timestamp) return { ok: false, reason: 'missing' };
  if (!/^\d{1,16}$/.test(timestamp)) return { ok: false, reason: 'malformed-timestamp' };
  const ts = Number(timestamp);
  if (input.now - ts > V3_MAX_AGE_MS) return { ok: false, reason: 'stale' };
  if (ts - input.now > (input.maxFutureSkewMs ?? V3_MAX_FUTURE_SKEW_MS)) return { ok: false, reason: 'future' };
  let matched = -1;
  // Check every secret (no early exit) so timing does not reveal which one matched.
  input.clientSecrets.forEach((secret, index) => {
    const expected = signV3(secret, input.method, input.uri, input.rawBody, timestamp);
    if (safeEqual(expected, signature) && matched < 0) matched = index;
  });
  return matched >= 0 ? { ok: true, secretIndex: matched } : { ok: false, reason: 'mismatch' };
}

export interface VerifyLegacyInput extends SignedRequest {
  signature: string | null | undefined;
  version: 'v1' | 'v2';
  clientSecrets: readonly string[];
}

/** Verifies a v1 or v2 signature (no timestamp, so no replay protection: prefer v3). */
export function verifyLegacy(input: VerifyLegacyInput): VerifyResult {
  if (!input.signature) return { ok: false, reason: 'missing' };
  const given = input.signature.toLowerCase();
  let matched = -1;
  input.clientSecrets.forEach((secret, index) => {
    const expected =
      input.version === 'v1'
        ? signV1(secret, input.rawBody)
        : signV2(secret, input.method, input.uri, input.rawBody);
    if (safeEqual(expected, given) && matched < 0) matched = index;
  });
  return matched >= 0 ? { ok: true, secretIndex: matched } : { ok: false, reason: 'mismatch' };
}

/**
 * The headers HubSpot puts on a signed request: v1 (or v2) legacy signature plus v3.
 * Used by the sandbox for webhook deliveries and by the card host for `hubspot.fetch`.
 */
export function signatureHeaders(
  clientSecret: string,
  request: SignedRequest & { timestamp: string; legacyVersion?: 'v1' | 'v2' },
): Record<string, string> {
  const legacyVersion = request.legacyVersion ?? 'v1';
  const legacy =
    legacyVersion === 'v1'
      ? signV1(clientSecret, request.rawBody)
      : signV2(clientSecret, request.method, request.uri, request.rawBody);
  return {
    'X-HubSpot-Signature': legacy,
    'X-HubSpot-Signature-Version': legacyVersion,
    'X-HubSpot-Signature-v3': signV3(clientSecret, request.method, request.uri, request.rawBody, request.timestamp),
    'X-HubSpot-Request-Timestamp': request.timestamp,
  };
}
