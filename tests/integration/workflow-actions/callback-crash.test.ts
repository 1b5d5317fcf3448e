/**
 * A worker process killed with SIGKILL between a run's exit and the callback completion: the
 * exit transaction queued the keyed completion job; the worker (scripts/worker.ts, a real
 * process) sends the completion, the sandbox holds it and still applies it, the worker dies;
 * a new worker runs the job again, HubSpot (the sandbox) refuses the repeat, and the native
 * workflow resumed exactly once on the contract's exit.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { accessTokenSource } from '../../../lib/runtime/install/access-token';
import { connectCrmPort } from '../../../lib/runtime/install/connect-crm-port';
import { parseEnv } from '../../../lib/env';
import { dbOffsetClock } from '../../../lib/runtime/clock';
import { exitRunManually } from '../../../lib/runtime/control/exit-run';
import { engine } from '../../../lib/runtime/run/engine';
import type { RuntimeDeps } from '../../../lib/runtime/runtime-deps';
import { RUN_CONTRACT_FLOW_ID } from '../../../lib/sandbox/seed/demo-action-flows';
import { recordsOf } from '../../../lib/sandbox/state/portal';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { enrollmentsOf, type FlowEnrollment } from '../../../lib/sandbox/workflows/enrollment-store';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from '../hubspot/seed-installation';
import { publishExamples } from '../runtime/helpers/runtime-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
const SECRET = `native-flow-secret-${randomBytes(6).toString('hex')}`;
const keys = parseEnv({}).tokenKeys;
let t: TestDatabase;
let sandbox: SandboxHandle;
let bridge: Server;
let deps: RuntimeDeps;

let appUrl = '';
const children: ChildProcess[] = [];
let output = '';
function startWorker(): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
    env: { ...process.env, DATABASE_URL: t.url, HUBSPOT_API_BASE: sandbox.url, APP_URL: appUrl, HUBSPOT_CLIENT_ID: 'native-flow-client', HUBSPOT_CLIENT_SECRET: SECRET, WORKER_CONCURRENCY: '2', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  children.push(child);
  return child;
}
const kill = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

async function until<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false | null>, timeoutMs = 90_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${output}`);
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
  appUrl = `http://127.0.0.1:${(bridge.address() as AddressInfo).port}`;
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
  for (const child of children) if (child.exitCode === null && child.signalCode === null) await kill(child);
  await sandbox?.stop();
  await new Promise((r) => bridge?.close(r));
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

describe('a worker killed between the exit and the callback', () => {
  it('completes the callback exactly once: the workflow resumes once, on the exit', async () => {
    const contact = contacts()[3]!;
    const e = await enroll(RUN_CONTRACT_FLOW_ID, contact.id);
    await until('the flow to block', () => e.status === 'blocked');
    const callbackId = e.callbackId!;
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: contact.id, contractKey: 'long-term-nurture', status: 'active' } });

    // The sandbox holds the completion for 6 s (then applies it); the worker is killed meanwhile.
    const fault = await fetch(`${sandbox.url}/_sandbox/faults`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'latency', path: '/automation/v4/actions/callbacks/', latencyMs: 6000, times: 1 }),
    });
    expect(fault.status).toBeLessThan(300);
    const first = startWorker();
    await exitRunManually(deps, { runId: run.id, exitId: 'exit-engaged', reason: 'replied', actor: 'ada@example.com' });
    await until('the completion in flight', async () => {
      const job = await t.pool.query(`SELECT 1 FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id WHERE k.identifier = 'complete-workflow-callback' AND j.locked_at IS NOT NULL`);
      return job.rowCount! > 0;
    });
    await new Promise((r) => setTimeout(r, 1000));
    await kill(first);
    expect(await t.db.workflowActionExecution.findFirstOrThrow({ where: { callbackId } })).toMatchObject({ state: 'completing' });

    startWorker();
    await until('the execution to be completed', async () => (await t.db.workflowActionExecution.findFirstOrThrow({ where: { callbackId } })).state === 'completed');
    await until('the flow to finish', () => e.status === 'done');
    const text = e.log.map((l) => l.text);
    expect(text.filter((l) => l.includes('completed by the app'))).toHaveLength(1);
    expect(text.filter((l) => l.startsWith('Finished'))).toHaveLength(1);
    expect(text).toContain('Branch on exitId: "exit-engaged"');
    // The held completion landed, the restarted worker's repeat was refused: two requests, one resumption.
    expect(e.completions[callbackId]).toBe(2);
  }, 150_000);
});
