import { Client } from '@hubspot/api-client';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

let sandbox: SandboxHandle;
let receiver: WebhookReceiver;
let client: Client;
const CLIENT_ID = 'faults-client';
const control = (path: string, method: string, body?: unknown) =>
  fetch(`${sandbox.url}/_sandbox${path}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

beforeAll(async () => {
  receiver = await startWebhookReceiver();
  sandbox = await startSandbox({ port: 0, clientId: CLIENT_ID, clientSecret: 'faults-secret-123456', appTargetUrl: receiver.url, retryScale: 0.00001, batchWindowMs: 10, projectDir: '/nonexistent' });
  client = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(sandbox.demoPortalId, CLIENT_ID).token });
});

afterAll(async () => {
  await sandbox?.stop();
  await receiver?.close();
});

beforeEach(async () => {
  await sandbox.drainWebhooks();
  receiver.requests.length = 0;
  receiver.respond(() => 204);
  await control('/faults', 'DELETE');
  await control('/webhooks/controls', 'PUT', { duplicate: false, reorder: false });
});

const events = () => receiver.requests.flatMap((r) => r.events);

describe('fault injection', () => {
  it('injects a 5xx for the next matching request only', async () => {
    expect((await control('/faults', 'POST', { kind: 'error', status: 502, path: '/crm/v3/objects/contacts', times: 1 })).status).toBe(201);
    const failed = await client.crm.contacts.basicApi.getPage(1).catch((e: { code: number }) => e);
    expect(failed).toMatchObject({ code: 502 });
    expect((await client.crm.contacts.basicApi.getPage(1)).results).toHaveLength(1);
  });

  it('drops the connection after a successful write: the client sees an error, the write happened and is announced', async () => {
    await control('/faults', 'POST', { kind: 'drop-after-write', method: 'PATCH' });
    const contact = (await client.crm.contacts.basicApi.getPage(1)).results[0]!;
    const outcome = await client.crm.contacts.basicApi.update(contact.id, { properties: { hs_lead_status: 'IN_PROGRESS' } }).then(() => 'ok', () => 'failed');
    expect(outcome).toBe('failed');
    const read = await client.crm.contacts.basicApi.getById(contact.id, ['hs_lead_status']);
    expect(read.properties.hs_lead_status).toBe('IN_PROGRESS');
    await sandbox.drainWebhooks();
    expect(events()).toContainEqual(expect.objectContaining({ objectId: Number(contact.id), propertyName: 'hs_lead_status', propertyValue: 'IN_PROGRESS' }));
  });

  it('adds latency and resets connections on demand; faults can be scoped to another portal', async () => {
    await control('/faults', 'POST', { kind: 'latency', latencyMs: 50 });
    expect((await client.crm.contacts.basicApi.getPage(1)).results).toHaveLength(1);
    await control('/faults', 'POST', { kind: 'reset', portalId: 62516 });
    expect((await client.crm.contacts.basicApi.getPage(1)).results).toHaveLength(1);
    const faults = await (await control('/faults', 'GET')).json();
    expect(faults.results).toEqual([expect.objectContaining({ kind: 'reset', portalId: 62516, hits: 0 })]);
    await control('/faults', 'POST', { kind: 'reset' });
    await expect(client.crm.contacts.basicApi.getPage(1)).rejects.toBeDefined();
  });

  it('rejects a malformed fault with a 400', async () => {
    expect((await control('/faults', 'POST', { kind: 'explode' })).status).toBe(400);
  });
});

describe('webhook delivery details', () => {
  it('announces association changes from both sides, deletions and restores', async () => {
    const contact = await client.crm.contacts.basicApi.create({ properties: { email: 'assoc@example.com' }, associations: [] });
    const company = await client.crm.companies.basicApi.create({ properties: { name: 'Assoc Co' }, associations: [] });
    await client.crm.associations.v4.basicApi.createDefault('contacts', contact.id, 'companies', company.id);
    await client.crm.contacts.basicApi.archive(contact.id);
    await control(`/portals/${sandbox.demoPortalId}/objects/contacts/${contact.id}/restore`, 'POST');
    await sandbox.drainWebhooks();
    expect(events()).toEqual(expect.arrayContaining([
      expect.objectContaining({ subscriptionType: 'contact.associationChange', associationType: 'CONTACT_TO_COMPANY', fromObjectId: Number(contact.id), toObjectId: Number(company.id), associationRemoved: false }),
      expect.objectContaining({ subscriptionType: 'company.associationChange', associationType: 'COMPANY_TO_CONTACT', fromObjectId: Number(company.id) }),
      expect.objectContaining({ subscriptionType: 'contact.deletion', objectId: Number(contact.id), changeFlag: 'DELETED' }),
      expect.objectContaining({ subscriptionType: 'contact.restore', objectId: Number(contact.id) }),
    ]));
  });

  it('a GDPR delete removes the contact for good and sends privacyDeletion and deletion', async () => {
    const contact = await client.crm.contacts.basicApi.create({ properties: { email: 'forget-me@example.com' }, associations: [] });
    await sandbox.drainWebhooks();
    receiver.requests.length = 0;
    await client.crm.contacts.basicApi.purge({ objectId: 'forget-me@example.com', idProperty: 'email' });
    await sandbox.drainWebhooks();
    expect(events().map((e) => e.subscriptionType).sort()).toEqual(['contact.deletion', 'contact.privacyDeletion']);
    expect(events().every((e) => e.objectId === Number(contact.id))).toBe(true);
    const restore = await control(`/portals/${sandbox.demoPortalId}/objects/contacts/${contact.id}/restore`, 'POST');
    expect(restore.status).toBe(404);
  });

  it('forces duplicates and out-of-order delivery when asked', async () => {
    await control('/webhooks/controls', 'PUT', { duplicate: true, reorder: true });
    const contact = (await client.crm.contacts.basicApi.getPage(1)).results[0]!;
    await client.crm.contacts.basicApi.update(contact.id, { properties: { hs_lead_status: 'OPEN', lifecyclestage: 'customer' } });
    await sandbox.drainWebhooks();
    expect(receiver.requests).toHaveLength(2);
    expect(receiver.requests[0]!.rawBody.replace(/"attemptNumber":\d+/g, '')).toBe(receiver.requests[1]!.rawBody.replace(/"attemptNumber":\d+/g, ''));
    const occurred = receiver.requests[0]!.events.map((e) => e.eventId as number);
    expect(occurred).toEqual([...occurred].sort((a, b) => b - a));
  });

  it('a user edit in the sandbox arrives as a propertyChange with source CRM_UI', async () => {
    const contact = (await client.crm.contacts.basicApi.getPage(1)).results[0]!;
    const edit = await control(`/portals/${sandbox.demoPortalId}/objects/contacts/${contact.id}`, 'PATCH', { properties: { lifecyclestage: 'evangelist' } });
    expect(edit.status).toBe(200);
    await sandbox.drainWebhooks();
    expect(events()).toContainEqual(expect.objectContaining({ propertyName: 'lifecyclestage', propertyValue: 'evangelist', changeSource: 'CRM_UI' }));
  });

  it('stops delivering after the app is uninstalled, and other portals are unaffected', async () => {
    const other = sandbox.state.install(62516, CLIENT_ID);
    const otherClient = new Client({ basePath: sandbox.url, accessToken: other.token });
    await fetch(`${sandbox.url}/appinstalls/v3/external-install`, { method: 'DELETE', headers: { authorization: `Bearer ${other.token}` } });
    await control(`/portals/62516/objects/contacts/${[...sandbox.state.portal(62516)!.records.get('contacts')!.keys()][0]}`, 'PATCH', { properties: { lifecyclestage: 'customer' } });
    await client.crm.contacts.basicApi.create({ properties: { email: 'still-here@example.com' }, associations: [] });
    await sandbox.drainWebhooks();
    expect(new Set(events().map((e) => e.portalId))).toEqual(new Set([sandbox.demoPortalId]));
    await expect(otherClient.crm.contacts.basicApi.getPage(1)).rejects.toMatchObject({ code: 401 });
  });

  it('treats a redirect as a failed delivery and retries the same URL', async () => {
    receiver.respond((_r, index) => (index === 0 ? 302 : 204));
    await client.crm.contacts.basicApi.create({ properties: { email: 'redirect@example.com' }, associations: [] });
    await sandbox.drainWebhooks();
    expect(receiver.requests.map((r) => r.events[0]!.attemptNumber)).toEqual([0, 1]);
  });

  it('exposes the delivery log through the control API', async () => {
    receiver.respond((_r, index) => (index === 0 ? 500 : 204));
    await client.crm.contacts.basicApi.create({ properties: { email: 'log@example.com' }, associations: [] });
    await (await control('/webhooks/drain', 'POST')).text();
    const log = await (await control('/webhooks/deliveries', 'GET')).json();
    const last = log.results.slice(-2);
    expect(last.map((d: { status: number; attemptNumber: number }) => [d.status, d.attemptNumber])).toEqual([[500, 0], [204, 1]]);
  });
});

describe('subscriptions from the project webhooks file', () => {
  it('delivers only what webhooks-hsmeta.json subscribes to, in generic object.* format where asked', async () => {
    const projectDir = mkdtempSync(join(tmpdir(), 'sandbox-hooks-'));
    mkdirSync(join(projectDir, 'src/app/webhooks'), { recursive: true });
    writeFileSync(join(projectDir, 'src/app/webhooks/webhooks-hsmeta.json'), JSON.stringify({
      uid: 'hooks', type: 'webhooks',
      config: { settings: { targetUrl: 'https://ignored.example', maxConcurrentRequests: 10 }, subscriptions: {
        crmObjects: [{ subscriptionType: 'object.propertyChange', objectType: 'contact', propertyName: 'firstname', active: true }],
        legacyCrmObjects: [], hubEvents: [],
      } },
    }));
    const own = await startWebhookReceiver();
    const second = await startSandbox({ port: 0, clientId: 'hsmeta-client', clientSecret: 'hsmeta-secret-12345', appTargetUrl: own.url, batchWindowMs: 10, projectDir });
    try {
      const api = new Client({ basePath: second.url, accessToken: second.state.install(second.demoPortalId, 'hsmeta-client').token });
      await api.crm.contacts.basicApi.create({ properties: { email: 'gen@example.com', firstname: 'Gen', lastname: 'Eric' }, associations: [] });
      await second.drainWebhooks();
      const delivered = own.requests.flatMap((r) => r.events);
      expect(delivered).toEqual([expect.objectContaining({ subscriptionType: 'object.propertyChange', objectTypeId: '0-1', propertyName: 'firstname', propertyValue: 'Gen' })]);
    } finally {
      await second.stop();
      await own.close();
    }
  });
});
