import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signV1 } from '../../../lib/hubspot/signature';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { defaultSubscriptions } from '../../../lib/sandbox/webhooks/default-subscriptions';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

let sandbox: SandboxHandle;
let first: WebhookReceiver;
let second: WebhookReceiver;

beforeAll(async () => {
  first = await startWebhookReceiver();
  second = await startWebhookReceiver();
  sandbox = await startSandbox({ port: 0, clientId: 'app-one', clientSecret: 'secret-one-123', appId: 111, appTargetUrl: first.url, batchWindowMs: 10, projectDir: '/nonexistent' });
  sandbox.state.addApp({
    appId: 222, clientId: 'app-two', clientSecret: 'secret-two-456', redirectUris: [], requiredScopes: null, optionalScopes: [],
    webhookTarget: second.url, maxConcurrentRequests: 10,
    subscriptions: defaultSubscriptions().filter((s) => s.objectType === 'contacts' && s.event === 'creation'),
  });
});

afterAll(async () => {
  await sandbox?.stop();
  await first?.close();
  await second?.close();
});

describe('several apps and portals', () => {
  it('each installed app gets its own events, app id and signature; portals stay apart', async () => {
    const one = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(62515, 'app-one').token });
    sandbox.state.install(62515, 'app-two');
    const oneInOther = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(62516, 'app-one').token });

    const contact = await one.crm.contacts.basicApi.create({ properties: { email: 'both@example.com', lifecyclestage: 'lead' }, associations: [] });
    await oneInOther.crm.contacts.basicApi.create({ properties: { email: 'other-portal@example.com' }, associations: [] });
    await sandbox.drainWebhooks();

    const firstEvents = first.requests.flatMap((r) => r.events);
    const secondEvents = second.requests.flatMap((r) => r.events);
    expect(new Set(firstEvents.map((e) => e.appId))).toEqual(new Set([111]));
    expect(new Set(firstEvents.map((e) => e.portalId))).toEqual(new Set([62515, 62516]));
    expect(secondEvents).toEqual([expect.objectContaining({ appId: 222, portalId: 62515, subscriptionType: 'contact.creation', objectId: Number(contact.id) })]);
    for (const request of second.requests) expect(request.headers['x-hubspot-signature']).toBe(signV1('secret-two-456', request.rawBody));
    // One portal's requests are one batch stream: portal 62516's events never share a request with 62515's.
    for (const request of first.requests) expect(new Set(request.events.map((e) => e.portalId)).size).toBe(1);

    // A token of app one in portal 62516 cannot see portal 62515's new contact.
    const seen = await oneInOther.crm.contacts.basicApi.getById(contact.id).catch((e: { code: number }) => e);
    expect(seen).toMatchObject({ code: 404 });
  });

  it('an app’s subscriptions can be replaced at runtime through the control API', async () => {
    const apps = await (await fetch(`${sandbox.url}/_sandbox/apps`)).json();
    expect(apps.results.map((a: { clientId: string }) => a.clientId)).toEqual(['app-one', 'app-two']);
    expect(JSON.stringify(apps)).not.toContain('secret-two-456');
    const put = await fetch(`${sandbox.url}/_sandbox/apps/app-two/subscriptions`, {
      method: 'PUT',
      body: JSON.stringify({ legacyCrmObjects: [{ subscriptionType: 'contact.propertyChange', propertyName: 'firstname', active: true }] }),
    });
    expect(put.status).toBe(200);
    expect((await fetch(`${sandbox.url}/_sandbox/apps/app-two/subscriptions`, { method: 'PUT', body: '[1]' })).status).toBe(400);
    const one = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(62515, 'app-one').token });
    second.requests.length = 0;
    const contact = await one.crm.contacts.basicApi.create({ properties: { email: 'renamed@example.com' }, associations: [] });
    await one.crm.contacts.basicApi.update(contact.id, { properties: { firstname: 'Renamed', lastname: 'Ignored' } });
    await sandbox.drainWebhooks();
    expect(second.requests.flatMap((r) => r.events)).toEqual([
      expect.objectContaining({ appId: 222, subscriptionType: 'contact.propertyChange', propertyName: 'firstname', propertyValue: 'Renamed' }),
    ]);
  });

  it('a token of one app cannot be refreshed with another app’s credentials', async () => {
    const install = sandbox.state.install(62515, 'app-one');
    const response = await fetch(`${sandbox.url}/oauth/v3/token`, {
      method: 'POST',
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: 'app-two', client_secret: 'secret-two-456', refresh_token: install.refreshToken }),
    });
    expect(await response.json()).toMatchObject({ error: 'invalid_grant', status: 'BAD_REFRESH_TOKEN' });
  });
});
