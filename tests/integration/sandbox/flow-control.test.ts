// The sandbox control route POST /_sandbox/portals/{portalId}/flows: the v4 create body, no token;
// the flow then exists in that portal only; bad bodies and unknown portals are HubSpot-shaped 4xx.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appTargetUrl: null, projectDir: '/nonexistent' });
});
afterAll(async () => {
  await sandbox?.stop();
});

const body = {
  type: 'PLATFORM_FLOW', objectTypeId: '0-3', flowType: 'WORKFLOW', isEnabled: true, name: 'Deal: brought by a test', startActionId: '1',
  actions: [{ type: 'SINGLE_CONNECTION', actionId: '1', actionTypeId: '0-5', actionTypeVersion: 0, fields: { property_name: 'dealstage', value: { staticValue: 'closedwon' } } }],
  enrollmentCriteria: { type: 'MANUAL', shouldReEnroll: false },
  timeWindows: [], blockedDates: [], customProperties: {}, dataSources: [],
};

const post = (portalId: number, payload: unknown) =>
  fetch(`${sandbox.url}/_sandbox/portals/${portalId}/flows`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(payload) });

it('adds a flow to the portal without a token', async () => {
  const response = await post(sandbox.demoPortalId, body);
  expect(response.status).toBe(201);
  const flow = (await response.json()) as { id: string; revisionId: string };
  expect(flow.revisionId).toBe('1');
  expect(sandbox.state.portal(sandbox.demoPortalId)!.flows.get(flow.id)).toMatchObject({ name: 'Deal: brought by a test', objectTypeId: '0-3' });
  const other = [...sandbox.state.portals.values()].find((p) => p.id !== sandbox.demoPortalId)!;
  expect(other.flows.has(flow.id)).toBe(false);
});

it('refuses a body without actions (400 naming the field) and an unknown portal (404)', async () => {
  const { actions: _drop, ...noActions } = body;
  const bad = await post(sandbox.demoPortalId, noActions);
  expect(bad.status).toBe(400);
  expect(await bad.json()).toMatchObject({ category: 'VALIDATION_ERROR', errors: [expect.objectContaining({ in: 'actions' })] });
  expect((await post(999_999, body)).status).toBe(404);
});

it("serves a read-only workflow page at HubSpot's editor URL (what the audit links to)", async () => {
  const page = await fetch(`${sandbox.url}/workflows/${sandbox.demoPortalId}/platform/flow/585051947/edit`);
  expect(page.status).toBe(200);
  const text = await page.text();
  expect(text).toContain('Re-engage everyone');
  expect(text).toContain('Send marketing email');
  expect((await fetch(`${sandbox.url}/workflows/${sandbox.demoPortalId}/platform/flow/1/edit`)).status).toBe(404);
});
