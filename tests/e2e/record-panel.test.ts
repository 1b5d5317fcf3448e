/**
 * The record panel end to end with real Chromium: the sandbox (HubSpot) and its fake record page
 * with the real app card, the real Waymark app (production build) and a runtime worker. A demo
 * contact misses a meeting, so a no-show run starts; a person opens the card's panel, sees the
 * run and the decision timeline in plain sentences (expandable to the inputs), exits the run with
 * a reason and sees the logged decision naming them. Screenshots: test-results/screenshots/panel-*.png.
 */
import { mkdirSync } from 'node:fs';
import type pg from 'pg';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../lib/env';
import { publishContract } from '../../lib/runtime/contracts/publish-contract';
import { createRuntimeDeps } from '../../lib/runtime/create-runtime-deps';
import { jobHandlers } from '../../lib/runtime/jobs';
import { startRuntimeWorker } from '../../lib/runtime/worker/start-runtime-worker';
import { startSandbox, type SandboxHandle } from '../../lib/sandbox/start-sandbox';
import { propertiesOf, recordsOf } from '../../lib/sandbox/state/portal';
import { defineProperty } from '../../lib/sandbox/state/property-definition';
import { exampleContract, EXAMPLES } from '../integration/runtime/helpers/runtime-harness';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { launchChromium } from '../helpers/chromium';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const SHOTS = 'test-results/screenshots';
const REASON = 'Spoke on the phone; she will book herself';

describe('the record panel opened from the card', () => {
  let t: TestDatabase;
  let sandbox: SandboxHandle;
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let graceId = '';
  let stopWorker: () => Promise<void> = async () => {};

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    t = await createTestDatabase();
    sandbox = await startSandbox({ port: 0, appTargetUrl: null, retryScale: 0.0001, batchWindowMs: 20 });
    app = await startAppServer({
      databaseUrl: t.url,
      env: {
        HUBSPOT_API_BASE: sandbox.url,
        HUBSPOT_APP_BASE: sandbox.url,
        SANDBOX_PORT: new URL(sandbox.url).port,
        HUBSPOT_CLIENT_ID: sandbox.app.clientId,
        HUBSPOT_CLIENT_SECRET: sandbox.app.clientSecret,
        HUBSPOT_APP_ID: String(sandbox.app.appId),
      },
    });
    sandbox.setWebhookTarget(`${app.url}/api/hubspot/webhooks`);
    sandbox.app.redirectUris.push(`${app.url}/api/hubspot/oauth/callback`);
    const portal = sandbox.state.portal(sandbox.demoPortalId)!;
    graceId = [...recordsOf(portal, 'contacts').values()].find((c) => c.properties.get('email') === 'grace.hopper@acme-logistics.example')!.id;
    const tags = defineProperty({ name: 'waymark_tags', label: 'Waymark tags', type: 'string', fieldType: 'text', group: 'contactinformation', options: [], custom: true });
    propertiesOf(portal, 'contacts').set(tags.name, tags);
    // The app's own worker process is not part of `next start`; this one runs the queued jobs.
    const config = parseEnv({ HUBSPOT_API_BASE: sandbox.url, DATABASE_URL: t.url, APP_URL: app.url });
    const deps = createRuntimeDeps(config, t.url, `e2e-panel-${process.pid}`, t.db);
    const worker = await startRuntimeWorker({ connectionString: t.url, db: t.db, clock: deps.clock, processId: deps.processId, handlers: jobHandlers(deps), concurrency: 2, pollInterval: 100, sweepMs: 250 });
    stopWorker = async () => {
      await worker.stop();
      await (deps.sql as pg.Pool).end();
    };
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  });

  afterAll(async () => {
    await browser?.close();
    await stopWorker();
    await app?.stop();
    await sandbox?.stop();
    await t?.drop();
  });

  const openPanel = async (): Promise<FrameLocator> => {
    await page.goto(`${sandbox.url}/_sandbox/record/${sandbox.demoPortalId}/contacts/${graceId}`);
    await page.getByTestId('open-record-panel').click({ timeout: 30_000 });
    await page.getByRole('dialog', { name: 'Waymark · record panel' }).waitFor();
    const panel = page.frameLocator('[role="dialog"] iframe');
    await panel.getByRole('heading', { name: 'Runs' }).waitFor({ timeout: 30_000 });
    return panel;
  };

  it('installs Waymark, publishes the examples, and a no-show starts a run', async () => {
    await page.goto(`${app.url}/api/hubspot/oauth/install`);
    await page.locator('#portal_id').selectOption(String(sandbox.demoPortalId));
    await page.locator('#connect').click();
    await page.waitForURL((url) => url.origin === app.url && !url.pathname.startsWith('/api/'));
    const portalId = BigInt(sandbox.demoPortalId);
    for (const [template, emailId] of [['welcome-1', '1001'], ['rebook-1', '1002'], ['monthly-digest', '1003']] as const) {
      await t.db.emailTemplate.create({ data: { portalId, template, emailId } });
    }
    // Before any contract: the panel's empty states say what to do next.
    const empty = await openPanel();
    await empty.getByText('No contract has run on this contact yet').waitFor();
    await page.screenshot({ path: `${SHOTS}/panel-empty.png` });
    for (const key of EXAMPLES) {
      const result = await publishContract(t.db, { portalId, source: exampleContract(key), publishedBy: 'e2e', now: new Date() });
      expect(result.published, key).toBe(true);
    }
    const signal = await fetch(`${sandbox.url}/_sandbox/portals/${sandbox.demoPortalId}/contacts/${graceId}/signals/no-show`, { method: 'POST' });
    expect(signal.ok).toBe(true);
    await expect.poll(async () => (await t.db.run.findFirst({ where: { recordId: graceId, contractKey: 'no-show-rebook' } }))?.status, { timeout: 60_000, interval: 250 }).toBe('active');
  });

  it('shows the run and the decision timeline in sentences, each expandable to its inputs', async () => {
    const panel = await openPanel();
    const run = panel.getByRole('listitem').filter({ has: panel.getByRole('heading', { name: /No-show/i }) });
    await run.waitFor();
    await expect(run.textContent()).resolves.toMatch(/Current step\s*(pause|await-booking)/);
    await expect(run.textContent()).resolves.toContain('Lanes held');
    await panel.getByRole('heading', { name: 'Decisions' }).waitFor();
    const entered = panel.locator('summary').filter({ hasText: /^›?Entered No-show/ }).first();
    await entered.waitFor();
    await entered.click();
    await entered.locator('xpath=..').getByText('Inputs evaluated').waitFor();
    await page.screenshot({ path: `${SHOTS}/panel-timeline.png` });
    const frame = page.frame({ url: /\/embed\/record/ })!;
    await frame.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.screenshot({ path: `${SHOTS}/panel-timeline-expanded.png` });
  });

  it('exits the run with a reason and shows the decision logged with the HubSpot user', async () => {
    const panel = await openPanel();
    await panel.getByRole('button', { name: 'Exit run' }).click();
    await panel.getByLabel('Reason (logged with your name)').fill(REASON);
    await page.screenshot({ path: `${SHOTS}/panel-exit-form.png` });
    await panel.getByRole('button', { name: 'Confirm exit' }).click();
    await panel.getByText(/Run ended through/).waitFor({ timeout: 30_000 });
    const logged = panel.locator('li').filter({ hasText: REASON }).filter({ hasText: /HubSpot user \d+/ }).first();
    await logged.waitFor({ timeout: 30_000 });
    await panel.getByText(/Exited/).first().waitFor();
    const run = await t.db.run.findFirst({ where: { recordId: graceId, contractKey: 'no-show-rebook' } });
    expect(run?.status).toBe('exited');
    const decision = await t.db.decisionLog.findFirst({ where: { runId: run!.id, actor: { not: null } }, orderBy: { id: 'desc' } });
    expect(decision?.actor).toMatch(/^hubspot-user:\d+$/);
    await page.screenshot({ path: `${SHOTS}/panel-exited.png` });
  });

  it('reads well on its own at 1280 px', async () => {
    const src = await page.locator('[role="dialog"] iframe').getAttribute('src');
    const wide = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await wide.goto(src!);
    await wide.getByRole('heading', { name: 'Decisions' }).waitFor();
    await wide.screenshot({ path: `${SHOTS}/panel-1280.png`, fullPage: true });
    await wide.close();
  });
});
