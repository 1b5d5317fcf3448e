import { AssociationTypes, Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';

let sandbox: SandboxHandle;
let client: Client;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: 'crm-client', clientSecret: 'crm-secret-123456', appTargetUrl: null, projectDir: '/nonexistent' });
  client = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(sandbox.demoPortalId, 'crm-client').token });
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('seeded demo portal through the SDK', () => {
  it('lists contacts page by page with default properties', async () => {
    const first = await client.crm.contacts.basicApi.getPage(4);
    expect(first.results).toHaveLength(4);
    expect(Object.keys(first.results[0]!.properties).sort()).toEqual(['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname']);
    const second = await client.crm.contacts.basicApi.getPage(4, first.paging!.next!.after);
    expect(second.results[0]!.id).not.toBe(first.results[0]!.id);
    const all = await client.crm.contacts.getAll(100);
    expect(all.length).toBe(10);
  });

  it('reads lifecycle stages, lead status and the custom no-show property, with associations', async () => {
    const page = await client.crm.contacts.basicApi.getPage(100, undefined, ['lifecyclestage', 'hs_lead_status', 'last_meeting_outcome', 'hs_email_optout'], undefined, ['companies']);
    const stages = new Set(page.results.map((c) => c.properties.lifecyclestage));
    expect(stages).toEqual(new Set(['lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'subscriber']));
    expect(page.results.some((c) => c.properties.last_meeting_outcome === 'NO_SHOW')).toBe(true);
    expect(page.results.some((c) => c.properties.hs_email_optout === 'true')).toBe(true);
    expect(page.results.filter((c) => c.associations?.companies?.results.length).length).toBe(8);
  });

  it('serves owners, the deal pipeline in stage order, and properties with options', async () => {
    const owners = await client.crm.owners.ownersApi.getPage();
    expect(owners.results.map((o) => o.email)).toContain('maya.chen@northwind-demo.example');
    const byUser = await client.crm.owners.ownersApi.getById(owners.results[0]!.userId!, 'userId');
    expect(byUser.id).toBe(owners.results[0]!.id);
    const pipelines = await client.crm.pipelines.pipelinesApi.getAll('deals');
    expect(pipelines.results[0]!.stages.map((s) => s.id)).toEqual(['appointmentscheduled', 'qualifiedtobuy', 'presentationscheduled', 'decisionmakerboughtin', 'contractsent', 'closedwon', 'closedlost']);
    expect(pipelines.results[0]!.stages.map((s) => s.displayOrder)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const lifecycle = await client.crm.properties.coreApi.getByName('contacts', 'lifecyclestage');
    expect(lifecycle.options.map((o) => o.value)).toContain('marketingqualifiedlead');
    const all = await client.crm.properties.coreApi.getAll('contacts');
    expect(all.results.map((p) => p.name)).toEqual(expect.arrayContaining(['last_meeting_outcome', 'hs_sales_email_last_replied']));
  });

  it('searches with filter groups, operators, sorts and paging', async () => {
    const response = await client.crm.contacts.searchApi.doSearch({
      filterGroups: [
        { filters: [{ propertyName: 'lifecyclestage', operator: 'IN' as never, values: ['lead', 'marketingqualifiedlead'] }, { propertyName: 'hs_lead_status', operator: 'NEQ' as never, value: 'UNQUALIFIED' }] },
        { filters: [{ propertyName: 'email', operator: 'CONTAINS_TOKEN' as never, value: '*@cobalt-robotics.example' }] },
      ],
      sorts: ['-createdate'],
      properties: ['email', 'lifecyclestage'],
      limit: 3,
      after: '0',
    });
    expect(response.total).toBe(7);
    expect(response.results).toHaveLength(3);
    expect(response.paging?.next?.after).toBe('3');
    const byCompany = await client.crm.deals.searchApi.doSearch({
      filterGroups: [{ filters: [{ propertyName: 'amount', operator: 'GTE' as never, value: '20000' }] }], properties: ['dealname', 'amount'], limit: 10, after: '0', sorts: [],
    });
    expect(byCompany.results.map((d) => d.properties.dealname).sort()).toEqual(['Acme – fleet pilot', 'Bluebird – clinic rollout']);
  });
});

describe('writes through the SDK', () => {
  it('batch reads by email, batch updates, and reports missing ids as 207', async () => {
    const read = await client.crm.contacts.batchApi.read({ inputs: [{ id: 'ada.lovelace@acme-logistics.example' }], idProperty: 'email', properties: ['lifecyclestage'], propertiesWithHistory: ['lifecyclestage'] });
    const ada = read.results[0]!;
    expect(ada.properties.lifecyclestage).toBe('lead');
    expect(ada.propertiesWithHistory?.lifecyclestage?.[0]?.value).toBe('lead');
    const updated = await client.crm.contacts.batchApi.update({ inputs: [{ id: ada.id, properties: { hs_lead_status: 'CONNECTED' } }] });
    expect(updated.results[0]!.properties.hs_lead_status).toBe('CONNECTED');
    const raw = await client.apiRequest({ method: 'POST', path: '/crm/v3/objects/contacts/batch/update', body: { inputs: [{ id: ada.id, properties: { firstname: 'A' } }, { id: '1', properties: { firstname: 'B' } }] } });
    expect(raw.status).toBe(207);
    const dup = await client.apiRequest({ method: 'POST', path: '/crm/v3/objects/contacts/batch/update', body: { inputs: [{ id: ada.id, properties: {} }, { id: ada.id, properties: {} }] } });
    expect(dup.status).toBe(400);
  });

  it('creates tasks and notes associated with a contact, visible through v4 associations', async () => {
    const contact = (await client.crm.contacts.basicApi.getPage(1)).results[0]!;
    const task = await client.crm.objects.tasks.basicApi.create({
      properties: { hs_timestamp: '2026-12-01T09:00:00Z', hs_task_subject: 'Call back', hs_task_status: 'NOT_STARTED', hs_task_type: 'CALL' },
      associations: [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: AssociationTypes.taskToContact }] }],
    });
    const note = await client.crm.objects.notes.basicApi.create({
      properties: { hs_timestamp: String(Date.now()), hs_note_body: 'Spoke with them' },
      associations: [{ to: { id: contact.id }, types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: AssociationTypes.noteToContact }] }],
    });
    const tasks = await client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'tasks');
    expect(tasks.results.map((r) => String(r.toObjectId))).toEqual([task.id]);
    expect(tasks.results[0]!.associationTypes[0]!.typeId).toBe(AssociationTypes.contactToTask);
    const notes = await client.crm.associations.v4.basicApi.getPage('contacts', contact.id, 'notes');
    expect(notes.results.map((r) => String(r.toObjectId))).toEqual([note.id]);
    const missingTimestamp = await client.crm.objects.tasks.basicApi.create({ properties: { hs_task_subject: 'x' }, associations: [] }).catch((e: { code: number }) => e);
    expect(missingTimestamp).toMatchObject({ code: 400 });
  });

  it('links and unlinks records with v4 default and labelled associations', async () => {
    const deal = await client.crm.deals.basicApi.create({ properties: { dealname: 'New', dealstage: 'appointmentscheduled' }, associations: [] });
    const contact = (await client.crm.contacts.basicApi.getPage(1)).results[0]!;
    await client.crm.associations.v4.basicApi.createDefault('deals', deal.id, 'contacts', contact.id);
    const both = await client.crm.associations.v4.batchApi.getPage('contacts', 'deals', { inputs: [{ id: contact.id }] });
    expect(both.results[0]!.to.map((t) => String(t.toObjectId))).toContain(deal.id);
    await client.crm.associations.v4.basicApi.archive('contacts', contact.id, 'deals', deal.id);
    const after = await client.crm.associations.v4.basicApi.getPage('deals', deal.id, 'contacts');
    expect(after.results).toEqual([]);
  });

  it('merges two contacts', async () => {
    const a = await client.crm.contacts.basicApi.create({ properties: { email: 'merge-a@example.com' }, associations: [] });
    const b = await client.crm.contacts.basicApi.create({ properties: { email: 'merge-b@example.com', firstname: 'Bee' }, associations: [] });
    const merged = await client.crm.contacts.basicApi.merge({ primaryObjectId: a.id, objectIdToMerge: b.id });
    expect(merged.properties.firstname).toBe('Bee');
    const gone = await client.crm.contacts.basicApi.getById(b.id).catch((e: { code: number }) => e);
    expect(gone).toMatchObject({ code: 404 });
  });
});

describe('automation, email and bad input', () => {
  it('lists, reads and batch-reads native workflows', async () => {
    const list = await (await client.apiRequest({ method: 'GET', path: '/automation/v4/flows?limit=3' })).json();
    expect(list.results).toHaveLength(3);
    expect(list.results[0]).toMatchObject({ id: expect.any(String), isEnabled: expect.any(Boolean), flowType: 'WORKFLOW', objectTypeId: '0-1', revisionId: expect.any(String) });
    const rest = await (await client.apiRequest({ method: 'GET', path: `/automation/v4/flows?after=${list.paging.next.after}` })).json();
    expect(list.results.length + rest.results.length).toBe(9);
    const routing = await (await client.apiRequest({ method: 'GET', path: '/automation/v4/flows/585051948' })).json();
    const branch = routing.actions.find((a: { type: string }) => a.type === 'LIST_BRANCH');
    expect(branch.defaultBranch).toBeUndefined();
    const batch = await client.apiRequest({ method: 'POST', path: '/automation/v4/flows/batch/read', body: { inputs: [{ type: 'FLOW_ID', flowId: '585051947' }, { type: 'FLOW_ID', flowId: '1' }] } });
    expect(batch.status).toBe(207);
    expect((await batch.json()).results[0].enrollmentCriteria.listFilterBranch.filterBranches).toEqual([]);
  });

  it('sends transactional email, honours a send id, and fails permanently for a blocked contact', async () => {
    const contact = (await client.crm.contacts.basicApi.getPage(1, undefined, ['email'])).results[0]!;
    const sent = await client.marketing.transactional.singleSendApi.sendEmail({ emailId: 555, message: { to: contact.properties.email!, sendId: 'run-1-step-2' }, contactProperties: {}, customProperties: {} });
    expect(sent).toMatchObject({ status: 'COMPLETE', sendResult: 'SENT' });
    const again = await client.marketing.transactional.singleSendApi.sendEmail({ emailId: 555, message: { to: contact.properties.email!, sendId: 'run-1-step-2' } });
    expect(again.sendResult).toBe('IDEMPOTENT_IGNORE');
    await fetch(`${sandbox.url}/_sandbox/portals/${sandbox.demoPortalId}/contacts/${contact.id}/email-failure`, { method: 'PUT', body: JSON.stringify({ sendResult: 'BLOCKED_ADDRESS' }) });
    const blocked = await client.marketing.transactional.singleSendApi.sendEmail({ emailId: 555, message: { to: contact.properties.email! } });
    expect(blocked.sendResult).toBe('BLOCKED_ADDRESS');
    const status = await (await client.apiRequest({ method: 'GET', path: `/marketing/v3/email/send-statuses/${blocked.statusId}` })).json();
    expect(status).toMatchObject({ status: 'COMPLETE', sendResult: 'BLOCKED_ADDRESS' });
  });

  it('omits requested properties that do not exist, returns null for empty ones, and counts errors against the budget', async () => {
    const contact = (await client.crm.contacts.basicApi.getPage(1)).results[0]!;
    const read = await client.crm.contacts.basicApi.getById(contact.id, ['phone', 'no_such_property']);
    expect(read.properties).toMatchObject({ phone: null });
    expect(read.properties).not.toHaveProperty('no_such_property');
    const missing = await client.apiRequest({ method: 'GET', path: '/crm/v3/objects/contacts/424242' });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-hubspot-ratelimit-max')).toBe('110');
  });

  it('answers malformed JSON, wrong shapes, unknown types and unknown paths with HubSpot 4xx bodies', async () => {
    const auth = { authorization: `Bearer ${sandbox.state.install(sandbox.demoPortalId, 'crm-client').token}`, 'content-type': 'application/json' };
    const cases: [string, string, string | undefined, number][] = [
      ['POST', '/crm/v3/objects/contacts', '{not json', 400],
      ['POST', '/crm/v3/objects/contacts', JSON.stringify({ properties: 'x' }), 400],
      ['POST', '/crm/v3/objects/contacts/batch/read', JSON.stringify({ inputs: [{}] }), 400],
      ['GET', '/crm/v3/objects/unicorns/1', undefined, 400],
      ['GET', '/crm/v3/objects/contacts?limit=0', undefined, 400],
      ['GET', '/crm/v3/nothing-here', undefined, 404],
      ['PUT', '/crm/v3/objects/contacts/1', '{}', 405],
      ['POST', '/crm/v3/objects/contacts/search', JSON.stringify({ filterGroups: [{ filters: [{ propertyName: 'a', operator: 'LIKE', value: 'x' }] }] }), 400],
    ];
    for (const [method, path, body, status] of cases) {
      const response = await fetch(`${sandbox.url}${path}`, { method, headers: auth, body });
      expect(response.status, `${method} ${path}`).toBe(status);
      expect(await response.json()).toMatchObject({ status: 'error', message: expect.any(String), correlationId: expect.any(String), category: expect.any(String) });
    }
  });
});
