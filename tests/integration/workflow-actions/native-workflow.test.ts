/**
 * A native HubSpot workflow governed by Waymark, end to end without mocks: the sandbox's
 * workflow engine enrolls a demo contact in the seeded flows and calls the app's real action
 * route handlers (a small HTTP bridge stands in for `next start`) with signed requests; the
 * runtime's jobs complete the callback through the real HubSpot CRM port against the sandbox;
 * the sandbox resumes the flow on the right branch and shows every step on the record timeline.
 */
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runOnce } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { accessTokenSource } from '../../../lib/runtime/install/access-token';
import { connectCrmPort } from '../../../lib/runtime/install/connect-crm-port';
import type { VaultKey } from '../../../lib/hubspot/token-vault';
import { queueLogger } from '../../../lib/queue/queue-logger';
import { toTaskList } from '../../../lib/queue/worker';
import { dbOffsetClock } from '../../../lib/runtime/clock';
import { exitRunManually } from '../../../lib/runtime/control/exit-run';
import { jobHandlers } from '../../../lib/runtime/jobs';
import { engine } from '../../../lib/runtime/run/engine';
import type { RuntimeDeps } from '../../../lib/runtime/runtime-deps';
import { CHECK_ENTRY_FLOW_ID, RUN_CONTRACT_FLOW_ID } from '../../../lib/sandbox/seed/demo-action-flows';
import { buildTimeline } from '../../../lib/sandbox/record-page/timeline';
import { recordsOf } from '../../../lib/sandbox/state/portal';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { enrollmentsOf, type FlowEnrollment } from '../../../lib/sandbox/workflows/enrollment-store';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from '../hubspot/seed-installation';
import { publishExamples } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const SECRET = `native-flow-secret-${randomBytes(6).toString('hex')}`;
const keys: VaultKey[] = [{ id: 'k1', key: randomBytes(32) }];
let t: TestDatabase;
let sandbox: SandboxHandle;
let bridge: Server;
let deps: RuntimeDeps;

async function drain() {
  await runOnce({ connectionString: t.url, taskList: toTaskList(jobHandlers(deps)), logger: queueLogger('error'), concurrency: 1 });
}

async function until<T>(what: string, probe: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const portal = () => sandbox.state.portal(sandbox.demoPortalId)!;
const contacts = () => [...recordsOf(portal(), 'contacts').values()];
async function enroll(flowId: string, objectId: string): Promise<FlowEnrollment> {
  const r = await fetch(`${sandbox.url}/_sandbox/portals/${sandbox.demoPortalId}/flows/${flowId}/enroll`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ objectId }) });
  expect(r.status).toBe(201);
  const { enrollmentId } = (await r.json()) as { enrollmentId: string };
  return enrollmentsOf(portal()).find((e) => e.id === enrollmentId)!;
}

beforeAll(async () => {
  t = await createTestDatabase();
  // The bridge: a plain HTTP server handing each request to the app's real route modules.
  const routes: Record<string, Handler> = {};
  bridge = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const handler = routes[new URL(req.url!, 'http://x').pathname];
      if (!handler) return void res.writeHead(404).end();
      const request = new Request(`http://internal${req.url}`, { method: req.method, headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) });
      const response = await handler(request, { params: Promise.resolve({}) });
      res.writeHead(response.status, Object.fromEntries(response.headers)).end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => bridge.listen(0, '127.0.0.1', r));
  const appUrl = `http://127.0.0.1:${(bridge.address() as AddressInfo).port}`;
  Object.assign(process.env, { DATABASE_URL: t.url, APP_URL: appUrl, HUBSPOT_CLIENT_SECRET: SECRET });
  for (const action of ['check-entry', 'run-contract', 'declare-exit'] as const) {
    const routeModule = action === 'check-entry'
      ? await import('../../../app/api/hubspot/actions/check-entry/route')
      : action === 'run-contract' ? await import('../../../app/api/hubspot/actions/run-contract/route') : await import('../../../app/api/hubspot/actions/declare-exit/route');
    routes[`/api/hubspot/actions/${action}`] = routeModule.POST as Handler;
  }
  sandbox = await startSandbox({ port: 0, appTargetUrl: `${appUrl}/api/hubspot/webhooks`, clientSecret: SECRET, clientId: 'native-flow-client' });
  sandbox.setWebhookTarget(null);
  const issued = sandbox.state.install(sandbox.demoPortalId, 'native-flow-client', { scopes: ['oauth', 'automation', 'crm.objects.contacts.read', 'crm.objects.contacts.write'] });
  const portalId = BigInt(sandbox.demoPortalId);
  await seedInstallation(t.db, keys, portalId, { accessToken: issued.token, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt) });
  const oauth = { apiBase: sandbox.url, appBase: sandbox.url, clientId: 'native-flow-client', clientSecret: SECRET, redirectUri: 'http://x/cb' };
  const crm = connectCrmPort({ db: t.db, apiBase: sandbox.url, tokens: accessTokenSource({ db: t.db, keys, oauth, now: () => new Date() }), now: () => new Date(), timeoutMs: 3_000 });
  deps = { db: t.db, sql: t.pool, clock: dbOffsetClock(t.db, { cacheMs: 0 }), crm, engine, processId: 'native-flow-test' };
  await publishExamples(deps);
});

afterAll(async () => {
  await sandbox?.stop();
  await new Promise((r) => bridge?.close(r));
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('seeded native workflows with Waymark actions', () => {
  it('"Check Waymark entry" answers allowed = true for a free lane: the flow takes the "true" branch and declares its exit', async () => {
    const contact = contacts()[0]!;
    const e = await enroll(CHECK_ENTRY_FLOW_ID, contact.id);
    await until('the flow to finish', () => e.status === 'done');
    const text = e.log.map((l) => l.text);
    expect(text).toContain('Branch on allowed: "true"');
    expect(text.some((l) => l.startsWith('Check Waymark entry: allowed = true'))).toBe(true);
    expect(await t.db.nativeWorkflowExit.findMany({ where: { recordId: contact.id } })).toMatchObject([{ flowId: CHECK_ENTRY_FLOW_ID, workflowExit: 'call-scheduled' }]);
  });

  it('"Run a Waymark contract and wait" blocks, and resumes on the contract\'s exit with the right exitId, completed once', async () => {
    const contact = contacts()[1]!;
    const e = await enroll(RUN_CONTRACT_FLOW_ID, contact.id);
    await until('the flow to block', () => e.status === 'blocked');
    const callbackId = e.callbackId!;
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: contact.id, contractKey: 'long-term-nurture', status: 'active' } });
    await drain();
    expect(e.status).toBe('blocked');

    await exitRunManually(deps, { runId: run.id, exitId: 'exit-engaged', reason: 'replied', actor: 'ada@example.com' });
    await drain();
    await until('the flow to resume and finish', () => e.status === 'done');
    await drain();
    expect(e.completions[callbackId]).toBe(1);
    const text = e.log.map((l) => l.text);
    expect(text).toContain('Branch on exitId: "exit-engaged"');
    expect(text).toContain('Set hs_lead_status to OPEN');
    expect(contact.properties.get('hs_lead_status')).toBe('OPEN');
    expect(await t.db.workflowActionExecution.findFirstOrThrow({ where: { callbackId } })).toMatchObject({ state: 'completed', outcome: 'success' });
    // The record page's timeline shows the workflow's steps.
    const timeline = buildTimeline(portal(), 'contacts', contact, 'Contact', 100).filter((entry) => entry.kind === 'workflow');
    expect(timeline.map((entry) => entry.detail)).toEqual(expect.arrayContaining(['Branch on exitId: "exit-engaged"', 'Finished Re-engage through Waymark nurture']));
  });

  it('a refused entry resumes at once on the "not-entered" branch', async () => {
    const contact = contacts()[2]!;
    // Already in nurture: one run per record refuses a second one.
    const first = await enroll(RUN_CONTRACT_FLOW_ID, contact.id);
    await until('the first to block', () => first.status === 'blocked');
    const second = await enroll(RUN_CONTRACT_FLOW_ID, contact.id);
    await until('the second to block', () => second.status === 'blocked');
    await drain();
    await until('the refused one to finish', () => second.status === 'done');
    expect(second.log.map((l) => l.text)).toContain('Branch on exitId: "not-entered"');
    expect(first.status).toBe('blocked');
  });

  it('completing a callback twice is refused by the sandbox (400) and never resumes the flow twice', async () => {
    const done = enrollmentsOf(portal()).find((e) => e.status === 'done' && Object.keys(e.completions).length > 0)!;
    const callbackId = Object.keys(done.completions)[0]!;
    await expect(deps.crm.completeCallback(BigInt(sandbox.demoPortalId), callbackId, { exitId: 'again' })).rejects.toMatchObject({ name: 'CrmPermanentError', status: 400 });
    expect(done.completions[callbackId]).toBe(2);
    expect(done.log.filter((l) => l.text.startsWith('Finished'))).toHaveLength(1);
  });
});
