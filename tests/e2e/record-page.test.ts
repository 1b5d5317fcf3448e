/**
 * The fake HubSpot record page, end to end with real Chromium: the sandbox (HubSpot), the real
 * Waymark app (production build) and the real app card source (hubspot/src/app/cards) rendered
 * through the sandbox's card host. Installs Waymark through the consent page, opens a demo
 * contact, and checks that the card loads the app's data through a v3-signed hubspot.fetch,
 * opens Waymark's record panel in an iframe modal and closes it when the panel posts DONE.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { verifyLegacy, verifyV3 } from '../../lib/hubspot/signature';
import { startSandbox, type SandboxHandle } from '../../lib/sandbox/start-sandbox';
import { recordsOf } from '../../lib/sandbox/state/portal';
import { updateRecord } from '../../lib/sandbox/state/record-writer';
import type { CrmRecord } from '../../lib/sandbox/state/crm-record';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { launchChromium } from '../helpers/chromium';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const SCREENSHOT = '/tmp/waymark-record-page.png';
const MODAL_SCREENSHOT = '/tmp/waymark-record-page-modal.png';
const REASON = 'Lane outreach is held by mql-follow-up (priority 20 ≥ 10), so new-lead-follow-up was not started.';

describe('the sandbox record page with the Waymark app card', () => {
  let t: TestDatabase;
  let sandbox: SandboxHandle;
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let grace: CrmRecord;
  const cardFetches: string[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    sandbox = await startSandbox({ port: 0, appTargetUrl: null, retryScale: 0.0001 });
    const sandboxPort = new URL(sandbox.url).port;
    app = await startAppServer({
      databaseUrl: t.url,
      env: {
        HUBSPOT_API_BASE: sandbox.url,
        HUBSPOT_APP_BASE: sandbox.url,
        SANDBOX_PORT: sandboxPort,
        HUBSPOT_CLIENT_ID: sandbox.app.clientId,
        HUBSPOT_CLIENT_SECRET: sandbox.app.clientSecret,
        HUBSPOT_APP_ID: String(sandbox.app.appId),
      },
    });
    // The app's address is known only now: it receives webhooks there and installs redirect there.
    sandbox.setWebhookTarget(`${app.url}/api/hubspot/webhooks`);
    sandbox.app.redirectUris.push(`${app.url}/api/hubspot/oauth/callback`);
    grace = [...recordsOf(sandbox.state.portal(sandbox.demoPortalId)!, 'contacts').values()].find(
      (c) => c.properties.get('email') === 'grace.hopper@acme-logistics.example',
    )!;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    page.on('request', (request) => {
      if (request.url().endsWith('/_sandbox/card-fetch')) cardFetches.push(request.postData() ?? '');
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sandbox?.stop();
    await t?.drop();
  });

  it('offers to install Waymark before it is installed', async () => {
    await page.goto(`${sandbox.url}/_sandbox/record/${sandbox.demoPortalId}/contacts/${grace.id}`);
    await expect(page.getByTestId('record-title').textContent()).resolves.toBe('Grace Hopper');
    const install = page.getByTestId('app-card').getByRole('link', { name: 'Install Waymark' });
    expect(await install.getAttribute('href')).toBe(`${app.url}/api/hubspot/oauth/install`);
  });

  it('installs Waymark in the demo portal through the consent page', async () => {
    await page.goto(`${app.url}/api/hubspot/oauth/install`);
    await page.locator('#portal_id').selectOption(String(sandbox.demoPortalId));
    await page.locator('#connect').click();
    await page.waitForURL((url) => url.origin === app.url && !url.pathname.startsWith('/api/'));
    const installation = await t.db.installation.findUnique({ where: { portalId: BigInt(sandbox.demoPortalId) } });
    expect(installation?.status, app.output()).toBe('active');
    expect(sandbox.state.oauth.installation(sandbox.demoPortalId, sandbox.app.appId)?.active).toBe(true);
  });

  it('shows the record with its properties and timeline, and the card with data from the app', async () => {
    const portal = sandbox.state.portal(sandbox.demoPortalId)!;
    updateRecord(portal, 'contacts', grace.id, { hs_lead_status: 'IN_PROGRESS' }, { changeSource: 'CRM_UI' });
    await t.db.decisionLog.create({
      data: {
        portalId: BigInt(sandbox.demoPortalId),
        contractKey: 'new-lead-follow-up',
        objectType: 'contact',
        recordId: grace.id,
        kind: 'entry',
        outcome: 'rejected',
        reason: REASON,
        at: new Date(),
      },
    });

    await page.goto(`${sandbox.url}/_sandbox/record/${sandbox.demoPortalId}/contacts/${grace.id}`);
    const properties = page.getByTestId('record-properties');
    await expect(properties.locator('[data-property="lifecyclestage"]').textContent()).resolves.toBe('Marketing Qualified Lead');
    await expect(properties.locator('[data-property="hs_lead_status"]').textContent()).resolves.toBe('In progress');
    await expect(page.getByTestId('record-timeline').textContent()).resolves.toContain('Lead Status changed to In progress');

    // The card's data comes from the app: its reason text is only in the app's database, and the
    // app answers only requests whose v3 signature matches its client secret.
    const card = page.getByTestId('waymark-card-root');
    await card.getByText(REASON).waitFor({ timeout: 30_000 });
    await expect(card.getByTestId('warning-no-live-contracts').textContent()).resolves.toContain('No live contract covers contact records');
    await expect(card.getByTestId('no-active-runs').isVisible()).resolves.toBe(true);
    expect(cardFetches.length).toBeGreaterThanOrEqual(1);
    const sent = JSON.parse(cardFetches.at(-1)!) as { url: string; method: string };
    expect(sent.method).toBe('GET');
    expect(sent.url).toBe(
      `https://app.waymark.example/api/hubspot/card?portalId=${sandbox.demoPortalId}&userId=${portal.owners[0]!.userId}` +
        `&userEmail=${encodeURIComponent(portal.owners[0]!.email)}&objectTypeId=0-1&objectId=${grace.id}`,
    );
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });

  it('opens the record panel in an iframe modal of the requested size and closes it on DONE', async () => {
    const before = cardFetches.length;
    await page.getByTestId('open-record-panel').click();
    const modal = page.getByRole('dialog', { name: 'Waymark · record panel' });
    await modal.waitFor();
    const frame = modal.locator('iframe');
    expect(await frame.getAttribute('width')).toBe('1000');
    expect(await frame.getAttribute('height')).toBe('760');
    expect(await frame.getAttribute('src')).toMatch(new RegExp(`^${app.url}/embed/record\\?token=`));

    const panel = page.frameLocator('[role="dialog"] iframe');
    await panel.getByRole('heading', { name: 'Runs' }).waitFor({ timeout: 30_000 });
    await expect(panel.getByTestId('record-panel-subtitle').textContent()).resolves.toContain(`Record ${grace.id}`);
    await page.screenshot({ path: MODAL_SCREENSHOT });
    // A DONE from any other origin (here: the record page itself) must not close the modal.
    await page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          window.addEventListener('message', () => setTimeout(resolve, 50), { once: true });
          window.postMessage(JSON.stringify({ action: 'DONE' }), '*');
        }),
    );
    expect(await modal.isVisible()).toBe(true);
    // The panel's Done button closes the modal the way the card protocol documents:
    // window.parent.postMessage(JSON.stringify({"action":"DONE"}), "*") from inside the frame.
    await panel.getByRole('button', { name: 'Done' }).click();
    await modal.waitFor({ state: 'detached' });
    // Closing runs the card's onClose, which reloads the card's data.
    await expect.poll(() => cardFetches.length).toBeGreaterThan(before);
    await page.getByTestId('open-record-panel').waitFor();
  });

  it('shows the card error state when the app rejects the signature', async () => {
    const secret = sandbox.app.clientSecret;
    sandbox.app.clientSecret = 'not-the-app-secret-0000';
    try {
      await page.reload();
      const error = page.getByTestId('card-error');
      await error.waitFor({ timeout: 30_000 });
      await expect(error.textContent()).resolves.toContain('Waymark answered HTTP 401.');
    } finally {
      sandbox.app.clientSecret = secret;
    }
  });

  it("also serves HubSpot's record URL, and answers 404 for a record that does not exist", async () => {
    const hubspotUrl = await fetch(`${sandbox.url}/contacts/${sandbox.demoPortalId}/record/0-1/${grace.id}`);
    expect(hubspotUrl.status).toBe(200);
    expect(await hubspotUrl.text()).toContain('<h1 data-testid="record-title">Grace Hopper</h1>');
    const response = await fetch(`${sandbox.url}/_sandbox/record/${sandbox.demoPortalId}/contacts/999999`);
    expect(response.status).toBe(404);
    expect(await response.text()).toContain('No contacts 999999');
  });
});

/** One request the stand-in backend received, with what its signatures verified to. */
interface Seen {
  method: string;
  url: string;
  body: string;
  contentType: string | undefined;
  v3: boolean;
  v2: boolean;
}

describe('the sandbox hubspot.fetch proxy (POST /_sandbox/card-fetch)', () => {
  let sandbox: SandboxHandle;
  let backend: Server;
  let backendUrl = '';
  const seen: Seen[] = [];
  // What the stand-in backend answers next (a queue; defaults to 200 JSON).
  const replies: { status: number; delayMs?: number }[] = [];

  const record = async (request: IncomingMessage): Promise<Seen> => {
    let body = '';
    for await (const chunk of request) body += String(chunk);
    const url = `${backendUrl}${request.url}`;
    const header = (name: string) => request.headers[name] as string | undefined;
    const secrets = [sandbox.app.clientSecret];
    const common = { method: request.method ?? 'GET', uri: url, rawBody: body, clientSecrets: secrets };
    return {
      method: common.method,
      url,
      body,
      contentType: header('content-type'),
      v3: verifyV3({ ...common, signature: header('x-hubspot-signature-v3'), timestamp: header('x-hubspot-request-timestamp'), now: Date.now() }).ok,
      v2: header('x-hubspot-signature-version') === 'v2' && verifyLegacy({ ...common, version: 'v2', signature: header('x-hubspot-signature') }).ok,
    };
  };

  beforeAll(async () => {
    backend = createServer((request, response) => {
      void record(request).then(async (entry) => {
        seen.push(entry);
        const reply = replies.shift() ?? { status: 200 };
        if (reply.delayMs) await new Promise((r) => setTimeout(r, reply.delayMs));
        response.writeHead(reply.status, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ echo: entry.url, attempt: seen.length }));
      });
    });
    await new Promise<void>((resolve) => backend.listen(0, '127.0.0.1', () => resolve()));
    backendUrl = `http://127.0.0.1:${(backend.address() as AddressInfo).port}`;
    sandbox = await startSandbox({ port: 0, appTargetUrl: `${backendUrl}/api/hubspot/webhooks`, retryScale: 0.0001 });
  });

  afterAll(async () => {
    await sandbox?.stop();
    await new Promise((resolve) => backend?.close(resolve));
  });

  const cardFetch = (body: Record<string, unknown>) =>
    fetch(`${sandbox.url}/_sandbox/card-fetch`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ portalId: sandbox.demoPortalId, appId: sandbox.app.appId, ...body }),
    });

  it('calls the local app at the permitted URL\'s path with valid v3 and v2 signatures', async () => {
    seen.length = 0;
    const response = await cardFetch({ url: 'https://app.waymark.example/api/hubspot/card?portalId=62515&userEmail=a%40b.example' });
    expect(response.status).toBe(200);
    const envelope = (await response.json()) as { status: number; body: string; contentType: string };
    expect(envelope.status).toBe(200);
    expect(envelope.contentType).toBe('application/json');
    expect(JSON.parse(envelope.body)).toMatchObject({ echo: `${backendUrl}/api/hubspot/card?portalId=62515&userEmail=a%40b.example` });
    expect(seen).toEqual([
      { method: 'GET', url: `${backendUrl}/api/hubspot/card?portalId=62515&userEmail=a%40b.example`, body: '', contentType: undefined, v3: true, v2: true },
    ]);
  });

  it('sends a JSON body the signature covers', async () => {
    seen.length = 0;
    await cardFetch({ url: 'https://app.waymark.example/api/hubspot/card/action', method: 'POST', body: { runId: 'r1', note: 'ünïcode' } });
    expect(seen).toEqual([
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ runId: 'r1', note: 'ünïcode' }), contentType: 'application/json', v3: true, v2: true }),
    ]);
  });

  it('retries once on a 5xx, as HubSpot does', async () => {
    seen.length = 0;
    replies.push({ status: 503 });
    const envelope = (await (await cardFetch({ url: 'https://app.waymark.example/api/x' })).json()) as { status: number };
    expect(envelope.status).toBe(200);
    expect(seen).toHaveLength(2);
    replies.push({ status: 500 }, { status: 502 });
    const failed = (await (await cardFetch({ url: 'https://app.waymark.example/api/x' })).json()) as { status: number };
    expect(failed.status).toBe(502);
    expect(seen).toHaveLength(4);
  });

  it('gives up after the requested timeout', async () => {
    replies.push({ status: 200, delayMs: 1_500 });
    const response = await cardFetch({ url: 'https://app.waymark.example/api/slow', timeout: 200 });
    expect(response.status).toBe(502);
    expect(((await response.json()) as { message: string }).message).toContain('timed out');
  });

  it('allows 20 concurrent requests per app and account and answers the 21st with 429', async () => {
    seen.length = 0;
    for (let i = 0; i < 21; i++) replies.push({ status: 200, delayMs: 2_000 });
    const statuses = await Promise.all(
      Array.from({ length: 21 }, (_, i) => cardFetch({ url: `https://app.waymark.example/api/slow?i=${i}` }).then((r) => r.status)),
    );
    replies.length = 0;
    expect(statuses.filter((status) => status === 200)).toHaveLength(20);
    expect(statuses.filter((status) => status === 429)).toHaveLength(1);
    expect(seen).toHaveLength(20);
  });

  it('refuses URLs outside permittedUrls.fetch and malformed requests without calling the app', async () => {
    seen.length = 0;
    const refused = await cardFetch({ url: `${backendUrl}/api/hubspot/card` });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { message: string }).message).toContain("not in the app's permittedUrls.fetch");
    expect((await cardFetch({ url: 'https://app.waymark.example/x', method: 'TRACE' })).status).toBe(400);
    expect((await cardFetch({ url: 'https://app.waymark.example/x', appId: 424242 })).status).toBe(404);
    const notJson = await fetch(`${sandbox.url}/_sandbox/card-fetch`, { method: 'POST', body: 'nope' });
    expect(notJson.status).toBe(400);
    expect(seen).toHaveLength(0);
  });
});
