/** The conformance target backed by the local sandbox: fresh sandbox, app installed through the consent page. */
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { clickConnect } from '../../integration/sandbox/support/oauth-flow';
import { startWebhookReceiver } from '../../integration/sandbox/support/webhook-receiver';
import type { ConformanceTarget } from './conformance-target';

const CLIENT_ID = 'conformance-client';
const CLIENT_SECRET = 'conformance-secret-0123456789';
const REDIRECT = 'http://localhost:3998/api/hubspot/oauth/callback';
const SCOPES = 'oauth crm.objects.contacts.read crm.objects.contacts.write crm.objects.owners.read automation';

function firstContactId(sandbox: SandboxHandle): string {
  const contacts = sandbox.state.portal(sandbox.demoPortalId)?.records.get('contacts');
  return [...(contacts?.keys() ?? [])][0] ?? '0';
}

export async function sandboxTarget(): Promise<ConformanceTarget> {
  const receiver = await startWebhookReceiver();
  const sandbox = await startSandbox({
    port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT], appTargetUrl: receiver.url,
    // Same schedule and limits as HubSpot, compressed in time so retries and timeouts take milliseconds.
    retryScale: 0.00002, deliveryTimeoutMs: 2_000, batchWindowMs: 20, projectDir: '/nonexistent-project',
  });
  const authorizationCode = async () => {
    const redirect = await clickConnect(sandbox.url, { clientId: CLIENT_ID, redirectUri: REDIRECT, scope: SCOPES });
    return { code: redirect.searchParams.get('code')!, redirectUri: REDIRECT };
  };
  const first = await authorizationCode();
  const exchange = await fetch(`${sandbox.url}/oauth/v3/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: CLIENT_ID, client_secret: CLIENT_SECRET, redirect_uri: REDIRECT, code: first.code }),
  });
  const tokens = (await exchange.json()) as { refresh_token: string; hub_id: number };
  return {
    name: 'sandbox',
    apiBase: sandbox.url,
    clientId: CLIENT_ID,
    clientSecret: CLIENT_SECRET,
    portalId: tokens.hub_id,
    refreshToken: tokens.refresh_token,
    unavailable: {},
    authorizationCode,
    webhooks: {
      url: receiver.url,
      requests: receiver.requests,
      respond: receiver.respond,
      drain: () => sandbox.drainWebhooks(),
      inFlightPeak: receiver.inFlightPeak,
      setTimeoutMs: (ms) => {
        sandbox.dispatcher.controls.timeoutMs = ms;
      },
      reset: () => {
        receiver.requests.length = 0;
        receiver.respond(() => 204);
        receiver.resetPeak();
        sandbox.dispatcher.controls.timeoutMs = 2_000;
      },
    },
    // Everything the receiver ever got, after making sure there is at least one delivery.
    capturedDeliveries: async () => {
      if (receiver.history.length === 0) {
        await fetch(`${sandbox.url}/_sandbox/portals/${tokens.hub_id}/contacts/${firstContactId(sandbox)}/signals/reply`, { method: 'POST' });
        await sandbox.drainWebhooks();
      }
      return receiver.history.map((r) => ({ headers: r.headers, rawBody: r.rawBody, url: receiver.url, receivedAt: r.at }));
    },
    close: async () => {
      await sandbox.stop();
      await receiver.close();
    },
  };
}
