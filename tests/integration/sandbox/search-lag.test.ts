import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';

let sandbox: SandboxHandle;
let client: Client;
let now = Date.parse('2026-11-30T09:00:00Z');

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: 'lag-client', clientSecret: 'lag-secret-123456', appTargetUrl: null, projectDir: '/nonexistent', now: () => now });
  client = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(sandbox.demoPortalId, 'lag-client').token });
});

afterAll(async () => {
  await sandbox?.stop();
});

const byStatus = (status: string) =>
  client.crm.contacts.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'hs_lead_status', operator: 'EQ' as never, value: status }] }], properties: ['email', 'hs_lead_status'], limit: 100, after: '0', sorts: [] });

describe('search index lag', () => {
  it('with a lag, search sees records as they were, while reads by id are current', async () => {
    const set = await fetch(`${sandbox.url}/_sandbox/search`, { method: 'PUT', body: JSON.stringify({ lagMs: 60_000 }) });
    expect(await set.json()).toEqual({ lagMs: 60_000 });
    const created = await client.crm.contacts.basicApi.create({ properties: { email: 'lag@example.com', hs_lead_status: 'NEW' }, associations: [] });
    expect((await byStatus('NEW')).results.map((r) => r.id)).not.toContain(created.id);
    expect((await client.crm.contacts.basicApi.getById(created.id, ['hs_lead_status'])).properties.hs_lead_status).toBe('NEW');

    now += 61_000;
    expect((await byStatus('NEW')).results.map((r) => r.id)).toContain(created.id);

    await client.crm.contacts.basicApi.update(created.id, { properties: { hs_lead_status: 'CONNECTED' } });
    const stale = (await byStatus('NEW')).results.find((r) => r.id === created.id);
    expect(stale?.properties.hs_lead_status).toBe('NEW');
    expect((await byStatus('CONNECTED')).results.map((r) => r.id)).not.toContain(created.id);

    now += 61_000;
    expect((await byStatus('CONNECTED')).results.map((r) => r.id)).toContain(created.id);
  });

  it('without a lag, search sees a write at once', async () => {
    await fetch(`${sandbox.url}/_sandbox/search`, { method: 'PUT', body: JSON.stringify({ lagMs: 0 }) });
    const created = await client.crm.contacts.basicApi.create({ properties: { email: 'nolag@example.com', hs_lead_status: 'OPEN_DEAL' }, associations: [] });
    expect((await byStatus('OPEN_DEAL')).results.map((r) => r.id)).toContain(created.id);
    expect((await fetch(`${sandbox.url}/_sandbox/search`, { method: 'PUT', body: '{"lagMs":-1}' })).status).toBe(400);
  });
});
