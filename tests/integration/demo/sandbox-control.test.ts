/**
 * The demo's calls to the sandbox control API against a real sandbox: the demo portal's contacts
 * (the list route added for the landing page), installed apps, and demo signals changing exactly
 * what HubSpot changes; unknown portals and contacts are typed 404s, never crashes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FIRST_CONTACT_EMAIL, DEMO_PORTAL_ID } from '../../../lib/demo/demo-portal';
import { listDemoContacts, playDemoSignal, recordPageUrl, SandboxControlError, sandboxInstalledApps } from '../../../lib/demo/sandbox-control';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';

let sandbox: SandboxHandle;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, appTargetUrl: null, retryScale: 0.0001 });
});
afterAll(async () => {
  await sandbox?.stop();
});

describe('demo ↔ sandbox control API', () => {
  it('lists the demo portal’s contacts in id order with names, stages and meeting outcomes', async () => {
    const contacts = await listDemoContacts(sandbox.url, DEMO_PORTAL_ID);
    expect(contacts.length).toBeGreaterThanOrEqual(5);
    expect(contacts.map((c) => Number(c.id))).toEqual([...contacts.map((c) => Number(c.id))].sort((a, b) => a - b));
    const grace = contacts.find((c) => c.email === DEMO_FIRST_CONTACT_EMAIL);
    expect(grace).toMatchObject({ name: 'Grace Hopper', lifecycleStage: 'marketingqualifiedlead', lastMeetingOutcome: 'SCHEDULED' });
    expect(recordPageUrl(sandbox.url, DEMO_PORTAL_ID, grace!.id)).toBe(`${sandbox.url}/_sandbox/record/62515/contacts/${grace!.id}`);
  });

  it('a no-show signal sets the contact’s last meeting outcome, as the no-show contract’s trigger expects', async () => {
    const grace = (await listDemoContacts(sandbox.url, DEMO_PORTAL_ID)).find((c) => c.email === DEMO_FIRST_CONTACT_EMAIL)!;
    await playDemoSignal(sandbox.url, DEMO_PORTAL_ID, grace.id, 'no-show');
    const after = (await listDemoContacts(sandbox.url, DEMO_PORTAL_ID)).find((c) => c.id === grace.id);
    expect(after?.lastMeetingOutcome).toBe('NO_SHOW');
  });

  it('the demo portal can hold Waymark’s tags (the property add_tag writes exists)', () => {
    const portal = sandbox.state.portal(DEMO_PORTAL_ID)!;
    expect(portal.properties.get('contacts')?.get('waymark_tags')?.type).toBe('string');
  });

  it('reports installed apps per portal', async () => {
    expect(await sandboxInstalledApps(sandbox.url, DEMO_PORTAL_ID)).toEqual([]);
    await fetch(`${sandbox.url}/_sandbox/installs`, { method: 'POST', body: JSON.stringify({ portalId: DEMO_PORTAL_ID }) });
    expect(await sandboxInstalledApps(sandbox.url, DEMO_PORTAL_ID)).toEqual([sandbox.app.appId]);
  });

  it('unknown portals, object types and contacts are 4xx errors', async () => {
    await expect(listDemoContacts(sandbox.url, 999)).rejects.toMatchObject({ status: 404 });
    await expect(playDemoSignal(sandbox.url, DEMO_PORTAL_ID, '987654', 'no-show')).rejects.toBeInstanceOf(SandboxControlError);
    await expect(playDemoSignal(sandbox.url, DEMO_PORTAL_ID, '987654', 'no-show')).rejects.toMatchObject({ status: 404 });
    const badType = await fetch(`${sandbox.url}/_sandbox/portals/${DEMO_PORTAL_ID}/objects/widgets`);
    expect(badType.status).toBe(400);
  });
});
