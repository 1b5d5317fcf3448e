/**
 * The conformance target backed by a real HubSpot developer test portal. Configure with:
 * - HUBSPOT_CONFORMANCE_CLIENT_ID, HUBSPOT_CONFORMANCE_CLIENT_SECRET: an app installed in the portal
 * - HUBSPOT_CONFORMANCE_REFRESH_TOKEN: a refresh token from that install (scopes: oauth,
 *   crm.objects.contacts.read/write, crm.objects.owners.read, automation)
 * - HUBSPOT_CONFORMANCE_API_BASE (optional, default https://api.hubapi.com)
 * - HUBSPOT_CONFORMANCE_DELIVERIES (optional): a JSON file of webhook requests the app received
 *   from that portal, `[{url, receivedAt, headers, rawBody}]`, to check HubSpot's real signatures
 * - HUBSPOT_CONFORMANCE_ALLOW_BURST=1 (optional): allow tests that exceed the rate limits on purpose
 * Returns null when the required variables are unset.
 */
import { readFileSync } from 'node:fs';
import type { CapturedDelivery, ConformanceTarget } from './conformance-target';

export const REAL_PORTAL_VARIABLES = ['HUBSPOT_CONFORMANCE_CLIENT_ID', 'HUBSPOT_CONFORMANCE_CLIENT_SECRET', 'HUBSPOT_CONFORMANCE_REFRESH_TOKEN'] as const;

export async function hubspotTarget(): Promise<ConformanceTarget | null> {
  const env = process.env;
  const clientId = env.HUBSPOT_CONFORMANCE_CLIENT_ID;
  const clientSecret = env.HUBSPOT_CONFORMANCE_CLIENT_SECRET;
  const refreshToken = env.HUBSPOT_CONFORMANCE_REFRESH_TOKEN;
  if (!clientId || !clientSecret || !refreshToken) return null;
  const apiBase = (env.HUBSPOT_CONFORMANCE_API_BASE ?? 'https://api.hubapi.com').replace(/\/+$/, '');
  const introspect = await fetch(`${apiBase}/oauth/v1/refresh-tokens/${encodeURIComponent(refreshToken)}`);
  if (!introspect.ok) throw new Error(`HUBSPOT_CONFORMANCE_REFRESH_TOKEN is not valid (${introspect.status})`);
  const info = (await introspect.json()) as { hub_id: number };
  const deliveriesFile = env.HUBSPOT_CONFORMANCE_DELIVERIES;
  return {
    name: 'hubspot',
    apiBase,
    clientId,
    clientSecret,
    portalId: info.hub_id,
    refreshToken,
    unavailable: {
      authorizationCode: 'an authorization code needs a person to click through HubSpot consent',
      liveWebhooks: 'live webhook delivery needs a public target URL; set HUBSPOT_CONFORMANCE_DELIVERIES to check recorded ones',
      workflowActions: 'custom action requests need the app\'s published actions, a public action URL and a workflow enrolling a record in the portal',
      ...(deliveriesFile ? {} : { capturedDeliveries: 'HUBSPOT_CONFORMANCE_DELIVERIES is not set' }),
      ...(env.HUBSPOT_CONFORMANCE_ALLOW_BURST === '1' ? {} : { burst: 'HUBSPOT_CONFORMANCE_ALLOW_BURST is not 1 (bursting a real portal costs its rate budget)' }),
    },
    capturedDeliveries: deliveriesFile ? async () => JSON.parse(readFileSync(deliveriesFile, 'utf8')) as CapturedDelivery[] : undefined,
    close: async () => undefined,
  };
}
