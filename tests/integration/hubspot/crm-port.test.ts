/**
 * The HubSpot CRM port against the real sandbox (no SDK mocks): reads and writes, typed errors,
 * transient retries, 429 handling, batch splitting at 100, and findWrite after a write whose
 * connection dropped.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accessTokenSource } from '../../../lib/runtime/install/access-token';
import { CrmAmbiguousError, CrmPermanentError, CrmTransientError, InstallationInactiveError, type CrmPort } from '../../../lib/hubspot/crm-port';
import { connectCrmPort } from '../../../lib/runtime/install/connect-crm-port';
import { setEmailTemplate } from '../../../lib/runtime/store/email-templates';
import type { VaultKey } from '../../../lib/hubspot/token-vault';
import { recordsOf } from '../../../lib/sandbox/state/portal';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from './seed-installation';

const CLIENT_ID = 'crm-test-client';
const CLIENT_SECRET = 'crm-test-secret-000000000000';
const keys: VaultKey[] = [{ id: 'k1', key: randomBytes(32) }];

let t: TestDatabase;
let sandbox: SandboxHandle;
let port: CrmPort;
let portal: bigint;
/** Retries the port decided on (delay and the error that caused them). */
const retries: { delayMs: number; error: Error }[] = [];

/** Records every rate-limit check the sandbox makes (one per API request that reached it). */
let requests: { bucket: string; limited: boolean }[] = [];

const contacts = () => [...recordsOf(sandbox.state.portal(Number(portal))!, 'contacts').values()].filter((r) => !r.archived);

beforeAll(async () => {
  t = await createTestDatabase();
  sandbox = await startSandbox({ port: 0, appTargetUrl: null, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
  portal = BigInt(sandbox.demoPortalId);
  const issued = sandbox.state.install(sandbox.demoPortalId, CLIENT_ID);
  await seedInstallation(t.db, keys, portal, { accessToken: issued.token, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt) });
  const oauth = { apiBase: sandbox.url, appBase: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: 'http://x/cb' };
  port = connectCrmPort({
    db: t.db,
    apiBase: sandbox.url,
    tokens: accessTokenSource({ db: t.db, keys, oauth, now: () => new Date() }),
    now: () => new Date(),
    onRetry: (info) => retries.push(info),
    timeoutMs: 3_000,
  });
  const take = sandbox.limiter.take.bind(sandbox.limiter);
  sandbox.limiter.take = (key, bucket, now) => {
    try {
      const headers = take(key, bucket, now);
      requests.push({ bucket, limited: false });
      return headers;
    } catch (error) {
      requests.push({ bucket, limited: true });
      throw error;
    }
  };
});

beforeEach(() => {
  requests = [];
  retries.length = 0;
  sandbox.faults.clear();
});

afterAll(async () => {
  await sandbox.stop();
  await t.drop();
});

describe('reads', () => {
  it('batch read splits at 100 ids per call and omits ids that do not exist', async () => {
    const existing = contacts().map((c) => c.id);
    const missing = Array.from({ length: 230 - existing.length }, (_, i) => String(900_000 + i));
    const records = await port.readRecords(portal, 'contact', [...existing, ...missing, ...existing], ['email', 'lifecyclestage']);
    expect(records.map((r) => r.id).sort()).toEqual([...existing].sort());
    expect(records[0]?.properties).toHaveProperty('email');
    expect(requests).toHaveLength(Math.ceil((existing.length + missing.length) / 100));
  });

  it('lists pipelines in stage order, properties and native workflows', async () => {
    const pipelines = await port.listPipelines(portal, 'deal');
    const stages = pipelines[0]?.stages ?? [];
    expect(stages.length).toBeGreaterThan(2);
    expect(stages.map((s) => s.displayOrder)).toEqual([...stages.map((s) => s.displayOrder)].sort((a, b) => a - b));
    const properties = await port.listProperties(portal, 'contact');
    expect(properties.find((p) => p.name === 'lifecyclestage')?.options?.length).toBeGreaterThan(3);
    const flows = await port.listWorkflows(portal);
    expect(flows.length).toBeGreaterThan(0);
    const flow = await port.getWorkflow(portal, flows[0]!.id);
    expect(flow.id).toBe(flows[0]!.id);
  });
});

describe('native workflows', () => {
  it('lists every flow through v4 paging (100 a page, inside the budget) and reads each in full', async () => {
    const state = sandbox.state.portal(Number(portal))!;
    const before = state.flows.size;
    for (let i = 0; i < 105; i += 1) {
      const response = await fetch(`${sandbox.url}/_sandbox/portals/${portal}/flows`, {
        method: 'POST',
        body: JSON.stringify({
          type: 'CONTACT_FLOW', objectTypeId: '0-1', flowType: 'WORKFLOW', isEnabled: false, name: `Paging flow ${i}`, actions: [],
          timeWindows: [], blockedDates: [], customProperties: {}, dataSources: [], suppressionListIds: [], canEnrollFromSalesforce: false,
        }),
      });
      expect(response.status).toBe(201);
    }
    requests = [];
    const flows = await port.listWorkflows(portal);
    expect(flows).toHaveLength(before + 105);
    expect(new Set(flows.map((f) => f.id)).size).toBe(flows.length);
    expect(requests).toHaveLength(Math.ceil((before + 105) / 100));
    const full = await port.getWorkflow(portal, flows.find((f) => f.name === 'Paging flow 7')!.id);
    expect(full).toMatchObject({ type: 'CONTACT_FLOW', revisionId: '1', actions: [] });
    for (const flow of flows.filter((f) => f.name.startsWith('Paging flow'))) state.flows.delete(flow.id);
  });

  it('a missing flow is a CrmPermanentError 404; a flow HubSpot answers without its required fields is refused by shape', async () => {
    const missing = await port.getWorkflow(portal, '123456789').catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: 'CrmPermanentError', status: 404, category: 'OBJECT_NOT_FOUND' });
    const state = sandbox.state.portal(Number(portal))!;
    state.flows.set('777', { id: '777', name: 'Broken' });
    const broken = await port.getWorkflow(portal, '777').catch((e: unknown) => e);
    state.flows.delete('777');
    expect(broken).toBeInstanceOf(CrmPermanentError);
    expect(String((broken as Error).message)).toContain('unexpected shape');
  });
});

describe('writes and errors', () => {
  it('updates properties', async () => {
    const contact = contacts()[0]!;
    await port.updateProperties(portal, 'contact', contact.id, { lifecyclestage: 'salesqualifiedlead' });
    expect(contacts().find((c) => c.id === contact.id)?.properties.get('lifecyclestage')).toBe('salesqualifiedlead');
  });

  it('a 4xx is a CrmPermanentError with HubSpot\'s status and category, not retried', async () => {
    const error = await port.updateProperties(portal, 'contact', contacts()[0]!.id, { lifecyclestage: 'not-a-stage' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmPermanentError);
    expect(error).toMatchObject({ status: 400, category: 'VALIDATION_ERROR' });
    expect(requests).toHaveLength(1);
    const missing = await port.updateProperties(portal, 'contact', '987654321', { firstname: 'x' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ name: 'CrmPermanentError', status: 404 });
  });

  it('transient 5xx on a read is retried with backoff and then succeeds', async () => {
    sandbox.faults.add({ kind: 'error', status: 502, times: 2, path: '/crm/v3/pipelines', latencyMs: 0 });
    const pipelines = await port.listPipelines(portal, 'deal');
    expect(pipelines.length).toBeGreaterThan(0);
    expect(requests).toHaveLength(3);
    expect(retries.map((r) => (r.error as CrmTransientError).status)).toEqual([502, 502]);
  });

  it('a read that keeps failing ends as CrmTransientError after a bounded number of attempts', async () => {
    sandbox.faults.add({ kind: 'error', status: 500, times: 50, path: '/crm/v3/properties', latencyMs: 0 });
    const error = await port.listProperties(portal, 'contact').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmTransientError);
    expect(error).toMatchObject({ status: 500 });
    expect(requests).toHaveLength(4);
  });

  it('a dropped connection on a read is retried', async () => {
    sandbox.faults.add({ kind: 'reset', times: 1, path: '/crm/v3/properties', status: 500, latencyMs: 0 });
    expect((await port.listProperties(portal, 'contact')).length).toBeGreaterThan(0);
  });

  it('a 429 is honoured: waits, retries, succeeds', async () => {
    sandbox.faults.add({ kind: 'error', status: 429, times: 2, path: '/crm/v3/pipelines', latencyMs: 0 });
    await port.listPipelines(portal, 'deal');
    expect(retries.map((r) => r.delayMs)).toEqual([1000, 1000]);
  });

  it('the sandbox\'s real ten-second limit: 429 with TEN_SECONDLY_ROLLING → waits, then a typed transient error', async () => {
    sandbox.limiter.reset();
    sandbox.limiter.limits.perTenSeconds = 2;
    try {
      await port.listPipelines(portal, 'deal');
      await port.listPipelines(portal, 'deal');
      const error = await port.listPipelines(portal, 'deal').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(CrmTransientError);
      expect(error).toMatchObject({ status: 429, retryAfterMs: 2000 });
      expect(requests.filter((r) => r.limited)).toHaveLength(4);
      expect(retries.map((r) => r.delayMs)).toEqual([2000, 2000, 2000]);
    } finally {
      sandbox.limiter.limits.perTenSeconds = 110;
      sandbox.limiter.reset();
    }
  });
});

describe('authorization', () => {
  it('a 401 with a live refresh token refreshes once and succeeds', async () => {
    const row = await t.db.installation.findUniqueOrThrow({ where: { portalId: portal } });
    // HubSpot forgets the access token early (as after a revocation of that token only).
    for (const [token, access] of sandbox.state.oauth.accessTokens) if (access.portalId === Number(portal)) sandbox.state.oauth.accessTokens.delete(token);
    expect((await port.listPipelines(portal, 'deal')).length).toBeGreaterThan(0);
    // Exactly one new token was issued for the portal (one refresh), and it was stored.
    expect([...sandbox.state.oauth.accessTokens.values()].filter((a) => a.portalId === Number(portal))).toHaveLength(1);
    const after = await t.db.installation.findUniqueOrThrow({ where: { portalId: portal } });
    expect(after.accessTokenCipher).not.toBe(row.accessTokenCipher);
  });

  it('after an uninstall in HubSpot, the next call marks the installation uninstalled and stops', async () => {
    const other = sandbox.state.addPortal({ id: 70_010, domain: 'leaving.example' });
    const issued = sandbox.state.install(other.id, CLIENT_ID);
    await seedInstallation(t.db, keys, BigInt(other.id), { accessToken: issued.token, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt) });
    sandbox.state.oauth.uninstall(other.id, sandbox.app.appId);
    await expect(port.listPipelines(BigInt(other.id), 'deal')).rejects.toBeInstanceOf(InstallationInactiveError);
    expect((await t.db.installation.findUniqueOrThrow({ where: { portalId: BigInt(other.id) } })).status).toBe('uninstalled');
    await expect(port.listPipelines(BigInt(other.id), 'deal')).rejects.toBeInstanceOf(InstallationInactiveError);
  });
});

describe('idempotent writes: action keys and findWrite', () => {
  it('a task whose connection dropped after the write → CrmAmbiguousError, and findWrite finds it', async () => {
    const contact = contacts()[1]!;
    const actionKey = `run-${randomUUID()}:step-call`;
    sandbox.faults.add({ kind: 'drop-after-write', method: 'POST', path: '/crm/v3/objects/tasks', times: 1, status: 500, latencyMs: 0 });
    const input = { objectType: 'contact' as const, recordId: contact.id, title: 'Call back', body: 'Ask about the demo', dueAt: new Date(), actionKey };
    await expect(port.createTask(portal, input)).rejects.toBeInstanceOf(CrmAmbiguousError);
    const tasks = () => [...recordsOf(sandbox.state.portal(Number(portal))!, 'tasks').values()].filter((r) => r.properties.get('hs_task_subject') === 'Call back');
    expect(tasks()).toHaveLength(1);
    const found = await port.findWrite(portal, 'task', 'contact', contact.id, actionKey);
    expect(found?.id).toBe(tasks()[0]!.id);
    expect(await port.findWrite(portal, 'task', 'contact', contact.id, `${actionKey}-other`)).toBeNull();
  });

  it('a create that times out is ambiguous (the write may land later), and findWrite sees it once it has', async () => {
    const contact = contacts()[4]!;
    sandbox.faults.add({ kind: 'latency', method: 'POST', path: '/crm/v3/objects/notes', latencyMs: 3_500, times: 1, status: 500 });
    const input = { objectType: 'contact' as const, recordId: contact.id, body: 'Slow note', actionKey: 'slow-note' };
    await expect(port.createNote(portal, input)).rejects.toBeInstanceOf(CrmAmbiguousError);
    let found = null;
    for (let i = 0; i < 40 && !found; i++) {
      found = await port.findWrite(portal, 'note', 'contact', contact.id, 'slow-note');
      if (!found) await new Promise((r) => setTimeout(r, 100));
    }
    expect(found).not.toBeNull();
  });

  it('notes carry their action key too', async () => {
    const contact = contacts()[2]!;
    const note = await port.createNote(portal, { objectType: 'contact', recordId: contact.id, body: 'Enrolled in nurture', actionKey: 'note-key-1' });
    expect(await port.findWrite(portal, 'note', 'contact', contact.id, 'note-key-1')).toEqual(note);
    expect(await port.findWrite(portal, 'task', 'contact', contact.id, 'note-key-1')).toBeNull();
  });

  it('notify the record owner and a team: one task per owner, a retry creates no duplicates', async () => {
    const contact = contacts()[3]!;
    const owners = sandbox.state.portal(Number(portal))!.owners;
    owners[0]!.teams = [{ id: '1', name: 'Sales Ops', primary: true }];
    owners[1]!.teams = [{ id: '1', name: 'Sales Ops', primary: true }];
    const ownerTask = await port.notify(portal, { to: 'owner', objectType: 'contact', recordId: contact.id, message: 'Needs attention', actionKey: 'n-owner' });
    const taskOwner = (id: string) => recordsOf(sandbox.state.portal(Number(portal))!, 'tasks').get(id)?.properties.get('hubspot_owner_id');
    expect(taskOwner(ownerTask.id)).toBe(contact.properties.get('hubspot_owner_id'));

    const input = { to: 'team:sales ops', objectType: 'contact' as const, recordId: contact.id, message: 'Escalation', actionKey: 'n-team' };
    await port.notify(portal, input);
    await port.notify(portal, input);
    const teamTasks = [...recordsOf(sandbox.state.portal(Number(portal))!, 'tasks').values()].filter((r) => r.properties.get('hs_task_body')?.startsWith('Escalation'));
    expect(teamTasks.map((r) => r.properties.get('hubspot_owner_id')).sort()).toEqual([owners[0]!.id, owners[1]!.id].sort());
    expect(await port.findWrite(portal, 'notification', 'contact', contact.id, 'n-team')).not.toBeNull();
    await expect(port.notify(portal, { ...input, to: 'team:nobody', actionKey: 'n-none' })).rejects.toBeInstanceOf(CrmPermanentError);
  });

  it('sendEmail maps the template per portal and never sends one action twice', async () => {
    const contact = contacts().find((c) => c.properties.get('email'))!;
    await setEmailTemplate(t.db, portal, 'welcome-1', '4242');
    const input = { template: 'welcome-1', contactId: contact.id, actionKey: 'email-key-1' };
    sandbox.faults.add({ kind: 'drop-after-write', method: 'POST', path: '/marketing/v3/transactional', times: 1, status: 500, latencyMs: 0 });
    await port.sendEmail(portal, input);
    await port.sendEmail(portal, input);
    const sent = [...sandbox.state.portal(Number(portal))!.sentEmails.values()].filter((e) => e.emailId === 4242);
    expect(sent.filter((e) => e.sendResult === 'SENT')).toHaveLength(1);
    expect(sent[0]?.to).toBe(contact.properties.get('email')?.toLowerCase());
    await expect(port.sendEmail(portal, { ...input, template: 'unmapped', actionKey: 'email-key-2' })).rejects.toThrow(/not mapped/);
  });
});
