// Automation v4 flows (reference §5): create (201), read back, replace with the current revisionId
// (200, the revision moves on), refuse a stale revision and bodies that break HubSpot's required
// fields or the action graph (400 VALIDATION_ERROR naming the field), delete (204, then 404).
// Through the real SDK's apiRequest, as the app's CRM port reads flows.
import type { Client } from '@hubspot/api-client';
import { afterAll, expect, it } from 'vitest';
import { sdk } from './target/access-token';
import { forEachTarget } from './target/targets';

type Json = Record<string, unknown>;

/** A small contact flow: set a property, then create a task. Built from the spec's shapes. */
function contactFlow(name: string): Json {
  return {
    type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', isEnabled: false, name, description: 'Waymark conformance flow',
    startActionId: '1',
    actions: [
      { type: 'SINGLE_CONNECTION', actionId: '1', actionTypeId: '0-5', actionTypeVersion: 0, connection: { edgeType: 'STANDARD', nextActionId: '2' },
        fields: { property_name: 'hs_lead_status', value: { staticValue: 'OPEN' } } },
      { type: 'SINGLE_CONNECTION', actionId: '2', actionTypeId: '0-1', actionTypeVersion: 0, fields: { delta: '60', time_unit: 'MINUTES' } },
    ],
    enrollmentCriteria: { type: 'MANUAL', shouldReEnroll: false },
    timeWindows: [], blockedDates: [], customProperties: {}, dataSources: [], suppressionListIds: [], canEnrollFromSalesforce: false,
  };
}

async function call(client: Client, method: string, path: string, body?: Json): Promise<{ status: number; body: Json }> {
  const response = await client.apiRequest({ method, path, ...(body ? { body } : {}) });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Json) : {} };
}

forEachTarget('Automation v4 flows', (target) => {
  const created: string[] = [];
  afterAll(async () => {
    const client = await sdk(target());
    for (const id of created) await call(client, 'DELETE', `/automation/v4/flows/${id}`);
  });

  it('creates a flow (201), lists it and reads it back', async () => {
    const client = await sdk(target());
    const made = await call(client, 'POST', '/automation/v4/flows', contactFlow('Waymark conformance: create'));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: expect.any(String), revisionId: expect.any(String), type: 'CONTACT_FLOW', objectTypeId: '0-1', name: 'Waymark conformance: create', createdAt: expect.any(String), updatedAt: expect.any(String) });
    const id = String(made.body.id);
    created.push(id);
    const read = await call(client, 'GET', `/automation/v4/flows/${id}`);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ id, startActionId: '1', actions: [{ actionId: '1' }, { actionId: '2' }] });
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await call(client, 'GET', `/automation/v4/flows?limit=100${after ? `&after=${after}` : ''}`);
      ids.push(...(page.body.results as { id: string }[]).map((f) => f.id));
      after = (page.body.paging as { next?: { after: string } } | undefined)?.next?.after;
    } while (after);
    expect(ids).toContain(id);
  });

  it('PUT with the current revisionId replaces the flow and moves the revision; a stale revision is refused', async () => {
    const client = await sdk(target());
    const made = await call(client, 'POST', '/automation/v4/flows', contactFlow('Waymark conformance: update'));
    const id = String(made.body.id);
    created.push(id);
    const revision = String(made.body.revisionId);
    const put = await call(client, 'PUT', `/automation/v4/flows/${id}`, { ...contactFlow('Waymark conformance: updated'), revisionId: revision });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id, name: 'Waymark conformance: updated' });
    expect(put.body.revisionId).not.toBe(revision);
    const stale = await call(client, 'PUT', `/automation/v4/flows/${id}`, { ...contactFlow('stale'), revisionId: revision });
    expect(stale.status).toBeGreaterThanOrEqual(400);
    expect(stale.status).toBeLessThan(500);
    expect(stale.body).toMatchObject({ status: 'error', correlationId: expect.any(String) });
    expect((await call(client, 'GET', `/automation/v4/flows/${id}`)).body.name).toBe('Waymark conformance: updated');
  });

  it('400 VALIDATION_ERROR for a body without the required fields or with a connection to no action', async () => {
    const client = await sdk(target());
    const { isEnabled: _drop, ...withoutEnabled } = contactFlow('Waymark conformance: invalid');
    const missing = await call(client, 'POST', '/automation/v4/flows', withoutEnabled);
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
    expect(JSON.stringify(missing.body)).toContain('isEnabled');
    const broken = contactFlow('Waymark conformance: dangling');
    (broken.actions as Json[])[1]!.connection = { edgeType: 'STANDARD', nextActionId: '99' };
    const dangling = await call(client, 'POST', '/automation/v4/flows', broken);
    expect(dangling.status).toBe(400);
    expect(dangling.body).toMatchObject({ status: 'error', category: 'VALIDATION_ERROR' });
  });

  it('DELETE answers 204, then the flow is 404', async () => {
    const client = await sdk(target());
    const made = await call(client, 'POST', '/automation/v4/flows', contactFlow('Waymark conformance: delete'));
    const id = String(made.body.id);
    expect((await call(client, 'DELETE', `/automation/v4/flows/${id}`)).status).toBe(204);
    const gone = await call(client, 'GET', `/automation/v4/flows/${id}`);
    expect(gone.status).toBe(404);
    expect(gone.body).toMatchObject({ status: 'error', category: 'OBJECT_NOT_FOUND' });
    expect((await call(client, 'DELETE', `/automation/v4/flows/${id}`)).status).toBe(404);
  });
});
