/**
 * Verifies a custom workflow action request (HubSpot calling an action's `actionUrl`).
 *
 * HubSpot's custom-action guide says these requests carry the **v2** `X-HubSpot-Signature`
 * (hex SHA-256 of secret + METHOD + URI + body, no timestamp); apps on the developer platform
 * also receive `X-HubSpot-Signature-v3` + `X-HubSpot-Request-Timestamp` on signed requests.
 * So: when a v3 signature is present it must verify (5-minute window, constant-time compare)
 * and decides alone; only without one is v2 accepted. v2 has no timestamp, so a replayed v2
 * request is harmless only because every action is idempotent per `callbackId`
 * (docs/hubspot-workflow-actions.md records what was and was not verifiable).
 *
 * The signed URI is `APP_URL` + path + query as received, never the Host header (same rule
 * as webhooks and the card, verify-signed-request.ts).
 */
import { SIGNATURE_HEADERS, verifyLegacy, verifyV3, type VerifyResult } from '../signature';
import { signedUri, type SignedRequestConfig } from '../verify-signed-request';

export type ActionVerifyResult = VerifyResult & { version?: 'v2' | 'v3' };

export function verifyActionRequest(config: SignedRequestConfig, request: Request, rawBody: string, now: number): ActionVerifyResult {
  const uri = signedUri(config.appUrl, request.url);
  const v3 = request.headers.get(SIGNATURE_HEADERS.v3);
  if (v3) {
    const verdict = verifyV3({
      method: request.method,
      uri,
      rawBody,
      signature: v3,
      timestamp: request.headers.get(SIGNATURE_HEADERS.timestamp),
      clientSecrets: config.clientSecrets,
      now,
    });
    return { ...verdict, version: 'v3' };
  }
  const version = request.headers.get(SIGNATURE_HEADERS.legacyVersion)?.toLowerCase();
  // v1 signs the body alone (no method or URL): a v1 request could be replayed to any action URL.
  if (version !== 'v2') return { ok: false, reason: 'missing' };
  const verdict = verifyLegacy({
    method: request.method,
    uri,
    rawBody,
    signature: request.headers.get(SIGNATURE_HEADERS.legacy),
    version: 'v2',
    clientSecrets: config.clientSecrets,
  });
  return { ...verdict, version: 'v2' };
}
