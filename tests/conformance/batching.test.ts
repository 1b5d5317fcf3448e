// Batch limits (reference §6.2/6.3): at most 100 inputs per batch (400 beyond), 207 with errors
// for ids that do not exist, search limits enforced with VALIDATION_ERROR.
import { expect, it } from 'vitest';
import { sdk, sdkError } from './target/access-token';
import { forEachTarget } from './target/targets';

forEachTarget('Batching and search limits', (target) => {
  it('batch read of 101 ids is rejected, 100 is accepted', async () => {
    const client = await sdk(target());
    const ids = Array.from({ length: 101 }, (_, i) => ({ id: String(900_000_000 + i) }));
    const tooMany = await sdkError(client.crm.contacts.batchApi.read({ inputs: ids, properties: ['email'], propertiesWithHistory: [] }));
    expect(tooMany.code).toBe(400);
    expect(tooMany.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    const response = await client.apiRequest({ method: 'POST', path: '/crm/v3/objects/contacts/batch/read', body: { inputs: ids.slice(0, 100), properties: ['email'] } });
    expect([200, 207]).toContain(response.status);
  });

  it('batch read with existing and missing ids answers 207 with the missing ones in errors', async () => {
    const client = await sdk(target());
    const created = await client.crm.contacts.basicApi.create({ properties: { email: `conformance-${Date.now()}@example.com` }, associations: [] });
    const response = await client.apiRequest({
      method: 'POST', path: '/crm/v3/objects/contacts/batch/read',
      body: { inputs: [{ id: created.id }, { id: '999999999998' }], properties: ['email'] },
    });
    expect(response.status).toBe(207);
    const body = (await response.json()) as { results: { id: string }[]; errors: { category: string; context: { ids: string[] } }[] };
    expect(body.results.map((r) => r.id)).toEqual([created.id]);
    expect(body.errors[0]).toMatchObject({ category: 'OBJECT_NOT_FOUND', context: { ids: ['999999999998'] } });
    await client.crm.contacts.basicApi.archive(created.id);
  });

  it('batch update of 101 inputs is rejected', async () => {
    const client = await sdk(target());
    const inputs = Array.from({ length: 101 }, (_, i) => ({ id: String(900_000_000 + i), properties: { firstname: 'x' } }));
    const error = await sdkError(client.crm.contacts.batchApi.update({ inputs }));
    expect(error.code).toBe(400);
  });

  it('search rejects more than 5 filter groups and pages of more than 200', async () => {
    const client = await sdk(target());
    const group = { filters: [{ propertyName: 'email', operator: 'HAS_PROPERTY' }] };
    const groups = await sdkError(client.crm.contacts.searchApi.doSearch({ filterGroups: Array(6).fill(group), limit: 1 } as never));
    expect(groups.code).toBe(400);
    expect(groups.body).toMatchObject({ category: 'VALIDATION_ERROR' });
    const page = await sdkError(client.crm.contacts.searchApi.doSearch({ filterGroups: [group], limit: 201 } as never));
    expect(page.code).toBe(400);
  });

  it('search finds a new contact by email with EQ and pages with after', async () => {
    const client = await sdk(target());
    const email = `conformance-search-${Date.now()}@example.com`;
    const created = await client.crm.contacts.basicApi.create({ properties: { email, firstname: 'Searchable' }, associations: [] });
    // Real HubSpot indexes new records with a delay; poll briefly.
    let found: { total: number; results: { id: string }[] } = { total: 0, results: [] };
    for (let attempt = 0; attempt < 20 && found.total === 0; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 1000));
      found = await client.crm.contacts.searchApi.doSearch({ filterGroups: [{ filters: [{ propertyName: 'email', operator: 'EQ', value: email }] }], properties: ['email'], limit: 1 } as never);
    }
    expect(found.total).toBe(1);
    expect(found.results[0]?.id).toBe(created.id);
    await client.crm.contacts.basicApi.archive(created.id);
  }, 40_000);
});
