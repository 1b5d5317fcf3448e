import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV1, verifyV3 } from '../../../lib/hubspot/signature';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { clickConnect } from './support/oauth-flow';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

const CLIENT_ID = 'basics-client';
const CLIENT_SECRET = 'basics-secret-1234';
const REDIRECT = 'http://localhost:3999/api/hubspot/oauth/callback';

let sandbox: SandboxHandle;
let receiver: WebhookReceiver;

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({
    port: 0, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUris: [REDIRECT],
    appTargetUrl: receiver.url, retryScale: 0.00001, batchWindowMs: 10, projectDir: '/nonexistent',
  });
});

afterAll(async () => {
  await sandbox?.stop();
  await receiver?.close();
});

describe('sandbox: install, CRUD and a signed webhook', () => {
  it('installs through the consent page, exchanges the code with the SDK, and the SDK reads and writes contacts', async () => {
    const redirect = await clickConnect(sandbox.url, { clientId: CLIENT_ID, redirectUri: REDIRECT, scope: 'oauth crm.objects.contacts.read crm.objects.contacts.write', state: 's-123' });
    expect(redirect.searchParams.get('state')).toBe('s-123');
    const code = redirect.searchParams.get('code')!;
    const client = new Client({ basePath: sandbox.url });
    const tokens = await client.oauth.tokensApi.create('authorization_code', code, REDIRECT, CLIENT_ID, CLIENT_SECRET);
    expect(tokens.expiresIn).toBe(1800);
    const info = await client.oauth.accessTokensApi.get(tokens.accessToken);
    expect(info.hubId).toBe(sandbox.demoPortalId);
    expect(info.scopes).toContain('crm.objects.contacts.write');

    const api = new Client({ basePath: sandbox.url, accessToken: tokens.accessToken });
    const created = await api.crm.contacts.basicApi.create({ properties: { email: 'New.Person@Example.com', firstname: 'New' }, associations: [] });
    expect(created.properties.email).toBe('new.person@example.com');
    await api.crm.contacts.basicApi.update(created.id, { properties: { lifecyclestage: 'lead' } });
    const read = await api.crm.contacts.basicApi.getById(created.id, ['lifecyclestage', 'firstname']);
    expect(read.properties).toMatchObject({ lifecyclestage: 'lead', firstname: 'New' });

    await sandbox.drainWebhooks();
    const events = receiver.requests.flatMap((r) => r.events);
    expect(events).toContainEqual(expect.objectContaining({ subscriptionType: 'contact.creation', objectId: Number(created.id), portalId: sandbox.demoPortalId, attemptNumber: 0 }));
    expect(events).toContainEqual(expect.objectContaining({ subscriptionType: 'contact.propertyChange', propertyName: 'lifecyclestage', propertyValue: 'lead' }));
    for (const request of receiver.requests) {
      expect(request.headers['x-hubspot-signature']).toBe(signV1(CLIENT_SECRET, request.rawBody));
      const v3 = verifyV3({
        method: 'POST', uri: receiver.url, rawBody: request.rawBody, clientSecrets: [CLIENT_SECRET], now: Date.now(),
        signature: String(request.headers['x-hubspot-signature-v3']), timestamp: String(request.headers['x-hubspot-request-timestamp']),
      });
      expect(v3.ok).toBe(true);
    }
  });

  it('answers a missing token with HubSpot 401 and an unknown property with a validation error', async () => {
    const unauth = await fetch(`${sandbox.url}/crm/v3/objects/contacts`);
    expect(unauth.status).toBe(401);
    expect(await unauth.json()).toMatchObject({ status: 'error', category: 'INVALID_AUTHENTICATION' });
    const token = sandbox.state.install(sandbox.demoPortalId, CLIENT_ID).token;
    const bad = await fetch(`${sandbox.url}/crm/v3/objects/contacts`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ properties: { no_such_prop: 'x' } }),
    });
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(body.message).toContain('PROPERTY_DOESNT_EXIST');
  });
});
