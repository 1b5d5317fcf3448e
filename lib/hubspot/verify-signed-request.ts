/**
 * Verifies that an incoming request (webhook delivery, app-card `hubspot.fetch`) was signed by
 * HubSpot with our client secret, using the v3 scheme on the raw body.
 *
 * The signed URI is the address HubSpot called: our configured public URL (`APP_URL`) plus the
 * request's path and query exactly as received. The Host header is never used: behind a proxy
 * it is an internal name, and trusting it would let a caller choose what gets signed.
 */
import { SIGNATURE_HEADERS, verifyV3, type VerifyResult } from './signature';

export interface SignedRequestConfig {
  /** Public app URL (`env().appUrl`), no trailing slash. */
  appUrl: string;
  /** Current secret first, then the previous one during rotation. */
  clientSecrets: readonly string[];
}

/** Path and query of the request URL, as sent (no re-encoding). */
export function pathAndQuery(requestUrl: string): string {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*([^#]*)/i.exec(requestUrl);
  const rest = match?.[1] ?? '/';
  return rest.startsWith('/') ? rest : `/${rest}`;
}

/** The URI HubSpot signed for this request. */
export function signedUri(appUrl: string, requestUrl: string): string {
  return `${appUrl}${pathAndQuery(requestUrl)}`;
}

/** Checks the v3 signature of a request whose raw body has already been read. */
export function verifyHubSpotRequest(
  config: SignedRequestConfig,
  request: Request,
  rawBody: string,
  now: number,
): VerifyResult {
  return verifyV3({
    method: request.method,
    uri: signedUri(config.appUrl, request.url),
    rawBody,
    signature: request.headers.get(SIGNATURE_HEADERS.v3),
    timestamp: request.headers.get(SIGNATURE_HEADERS.timestamp),
    clientSecrets: config.clientSecrets,
    now,
  });
}
