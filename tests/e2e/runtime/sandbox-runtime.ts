/**
 * A whole Waymark runtime against the local HubSpot sandbox, for e2e tests: the sandbox (seeded
 * demo portal 62515) delivers signed webhooks to the app's real webhook handler (served over
 * node:http), which stores them and enqueues batch jobs; a real runtime worker (graphile-worker,
 * heartbeats, sweeper) runs the jobs with the real HubSpot CRM port over the sandbox's API.
 */
import { createServer, type Server } from 'node:http';
import type pg from 'pg';
import type { AddressInfo } from 'node:net';
import { parseEnv, SANDBOX_DEFAULTS } from '../../../lib/env';
import { saveInstallation } from '../../../lib/runtime/install/save-installation';
import { handleWebhook } from '../../../lib/runtime/ingress/handle-webhook';
import { setLogLevel } from '../../../lib/log';
import { enqueue } from '../../../lib/queue/enqueue';
import { advanceClockOffset } from '../../../lib/runtime/store/clock-offset';
import { publishContract } from '../../../lib/runtime/contracts/publish-contract';
import { createRuntimeDeps } from '../../../lib/runtime/create-runtime-deps';
import { jobHandlers } from '../../../lib/runtime/jobs';
import { SWEEP_JOB_KEY, sweepDueRunsJob } from '../../../lib/runtime/jobs/definitions/sweep-due-runs';
import { startRuntimeWorker } from '../../../lib/runtime/worker/start-runtime-worker';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { propertiesOf } from '../../../lib/sandbox/state/portal';
import { defineProperty } from '../../../lib/sandbox/state/property-definition';
import type { TestDatabase } from '../../helpers/test-database';
import { exampleContract, EXAMPLES, waitForIdleQueue } from '../../integration/runtime/helpers/runtime-harness';

export const DEMO_PORTAL = 62515;

export interface SandboxRuntime {
  sandbox: SandboxHandle;
  appUrl: string;
  /** Calls the sandbox's control API. */
  control(method: string, path: string, body?: unknown): Promise<unknown>;
  contactId(email: string): string;
  contact(id: string): Record<string, string>;
  /** Waits until webhooks are delivered and the queue is idle, twice in a row. */
  settle(): Promise<void>;
  advance(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startSandboxRuntime(t: TestDatabase, options: { worker?: boolean } = {}): Promise<SandboxRuntime> {
  setLogLevel('warn');
  const sandbox = await startSandbox({ port: 0, appTargetUrl: null, retryScale: 0.0001, batchWindowMs: 20, seed: true });
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const request = new Request(`${appUrl}${req.url}`, {
        method: req.method,
        headers: Object.entries(req.headers).flatMap(([k, v]) => (typeof v === 'string' ? [[k, v] as [string, string]] : [])),
        body: Buffer.concat(chunks).toString('utf8'),
      });
      handleWebhook({ db: t.db, appUrl, clientSecrets: [SANDBOX_DEFAULTS.HUBSPOT_CLIENT_SECRET], now: () => new Date() }, request)
        .then(async (response) => {
          res.writeHead(response.status, { 'content-type': 'application/json' });
          res.end(await response.text());
        })
        .catch((error: unknown) => {
          res.writeHead(500);
          res.end(String(error));
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const appUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  sandbox.setWebhookTarget(`${appUrl}/api/hubspot/webhooks`);

  const config = parseEnv({ HUBSPOT_API_BASE: sandbox.url, DATABASE_URL: t.url, APP_URL: appUrl });
  const control = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return text ? (JSON.parse(text) as unknown) : null;
  };
  const token = (await control('POST', '/_sandbox/installs', { portalId: DEMO_PORTAL })) as { access_token: string; refresh_token: string; expires_in: number; scopes?: string[] };
  await saveInstallation(t.db, config.tokenKeys, {
    portalId: BigInt(DEMO_PORTAL),
    scopes: token.scopes ?? [],
    accessToken: token.access_token,
    refreshToken: token.refresh_token,
    accessTokenExpiresAt: new Date(Date.now() + token.expires_in * 1000),
  });
  // Email templates of the example contracts, mapped to sandbox email ids.
  for (const [template, emailId] of [['welcome-1', '1001'], ['rebook-1', '1002'], ['monthly-digest', '1003']]) {
    await t.db.emailTemplate.create({ data: { portalId: BigInt(DEMO_PORTAL), template: template!, emailId: emailId! } });
  }
  // The contact property Waymark's add_tag/remove_tag write. The app has no schema-write scope,
  // so a portal admin creates it once (README: setup); here the sandbox admin does.
  const tags = defineProperty({ name: 'waymark_tags', label: 'Waymark tags', type: 'string', fieldType: 'text', group: 'contactinformation', options: [], custom: true });
  propertiesOf(sandbox.state.portal(DEMO_PORTAL)!, 'contacts').set(tags.name, tags);

  const deps = createRuntimeDeps(config, t.url, `e2e-${process.pid}`, t.db);
  for (const key of EXAMPLES) {
    const result = await publishContract(t.db, { portalId: BigInt(DEMO_PORTAL), source: exampleContract(key), publishedBy: 'e2e', now: new Date() });
    if (!result.published) throw new Error(`${key}: ${result.reason}`);
  }
  const worker =
    options.worker === false
      ? null
      : await startRuntimeWorker({ connectionString: t.url, db: t.db, clock: deps.clock, processId: deps.processId, handlers: jobHandlers(deps), concurrency: 4, pollInterval: 100, sweepMs: 250 });

  const portal = () => sandbox.state.portal(DEMO_PORTAL)!;
  const runtime: SandboxRuntime = {
    sandbox,
    appUrl,
    control,
    contactId(email) {
      for (const record of portal().records.get('contacts')!.values()) if (record.properties.get('email') === email) return record.id;
      throw new Error(`no demo contact ${email}`);
    },
    contact(id) {
      return Object.fromEntries(portal().records.get('contacts')!.get(id)!.properties);
    },
    async settle() {
      for (let quiet = 0; quiet < 2; ) {
        await sandbox.drainWebhooks();
        const before = await t.db.webhookEvent.count();
        await waitForIdleQueue(t, 60_000);
        await sandbox.drainWebhooks();
        quiet = (await t.db.webhookEvent.count()) === before ? quiet + 1 : 0;
      }
    },
    async advance(ms) {
      await advanceClockOffset(t.db, ms);
      await enqueue(t.db, sweepDueRunsJob, { reason: 'e2e' }, { jobKey: SWEEP_JOB_KEY });
      await runtime.settle();
    },
    async stop() {
      await worker?.stop();
      await (deps.sql as pg.Pool).end();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await sandbox.stop();
    },
  };
  return runtime;
}
