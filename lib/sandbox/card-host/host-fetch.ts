/**
 * The host's `hubspot.fetch`: like HubSpot, the card never talks to the backend itself. The
 * request goes to the sandbox (`POST /_sandbox/card-fetch`), which checks the URL against the
 * app's `permittedUrls.fetch`, signs it with the app's client secret (v3 + v2 headers) and calls
 * the app. A refused or failed proxy call rejects, as `hubspot.fetch` does.
 */
import { currentFetchTarget } from './card-registry';

/** The options `hubspot.fetch` accepts (no headers: HubSpot does not forward custom headers). */
export interface HostFetchOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  timeout?: number;
  body?: Record<string, unknown>;
}

/** The sandbox proxy's answer. */
interface ProxyEnvelope {
  status: number;
  contentType?: string;
  body: string;
  message?: string;
}

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

export async function hostFetch(url: string | URL, options: HostFetchOptions = {}): Promise<Response> {
  const target = currentFetchTarget();
  const proxied = await fetch(target.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      url: String(url),
      method: options.method ?? 'GET',
      body: options.body,
      timeout: options.timeout,
      portalId: target.portalId,
      appId: target.appId,
    }),
  });
  const envelope = (await proxied.json()) as ProxyEnvelope;
  if (!proxied.ok) throw new Error(envelope.message ?? `hubspot.fetch failed (${proxied.status})`);
  return new Response(NULL_BODY_STATUSES.has(envelope.status) ? null : envelope.body, {
    status: envelope.status,
    headers: envelope.contentType ? { 'content-type': envelope.contentType } : {},
  });
}
