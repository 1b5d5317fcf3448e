/**
 * The install flow end to end in real Chromium: the production app (next start) and the sandbox
 * playing HubSpot. The browser starts at the app's install route, passes HubSpot's consent page,
 * comes back through the OAuth callback (v3 code exchange + introspection) and lands on the
 * "connected" page; replaying the callback is refused. Then a property change in the sandbox
 * arrives as a signed, verified and stored webhook event, and the embedded record panel proves
 * the embed-token round trip with the right framing policy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { signEmbedToken } from '../../lib/hubspot/embed-token';
import { decryptToken } from '../../lib/hubspot/token-vault';
import { parseEnv } from '../../lib/env';
import { startSandbox, type SandboxHandle } from '../../lib/sandbox/start-sandbox';
import { recordsOf } from '../../lib/sandbox/state/portal';
import { updateRecord } from '../../lib/sandbox/state/record-writer';
import { startAppServer, type AppServer } from '../helpers/app-server';
import { launchChromium } from '../helpers/chromium';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const AUTH_SECRET = 'install-flow-auth-secret-000000000000';

describe('installing Waymark from the browser', () => {
  let t: TestDatabase;
  let sandbox: SandboxHandle;
  let app: AppServer;
  let browser: Browser;
  let page: Page;
  let callbackUrl = '';

  beforeAll(async () => {
    t = await createTestDatabase();
    sandbox = await startSandbox({ port: 0, appTargetUrl: null, retryScale: 0.0001 });
    app = await startAppServer({
      databaseUrl: t.url,
      env: {
        HUBSPOT_API_BASE: sandbox.url,
        HUBSPOT_APP_BASE: sandbox.url,
        SANDBOX_PORT: new URL(sandbox.url).port,
        HUBSPOT_CLIENT_ID: sandbox.app.clientId,
        HUBSPOT_CLIENT_SECRET: sandbox.app.clientSecret,
        HUBSPOT_APP_ID: String(sandbox.app.appId),
        AUTH_SECRET,
      },
    });
    // The app's address is known only now: HubSpot redirects and delivers webhooks there.
    sandbox.app.redirectUris.push(`${app.url}/api/hubspot/oauth/callback`);
    sandbox.setWebhookTarget(`${app.url}/api/hubspot/webhooks`);
    browser = await launchChromium();
    page = await browser.newPage();
    page.on('request', (request) => {
      if (request.url().startsWith(`${app.url}/api/hubspot/oauth/callback`)) callbackUrl = request.url();
    });
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    await sandbox?.stop();
    await t?.drop();
  });

  it('goes through HubSpot\'s consent page and lands on "connected" with the granted scopes', async () => {
    await page.goto(`${app.url}/api/hubspot/oauth/install`);
    expect(new URL(page.url()).origin).toBe(sandbox.url);
    await page.locator('#portal_id').selectOption(String(sandbox.demoPortalId));
    await page.locator('#connect').click();
    await page.waitForURL((url) => url.origin === app.url && url.pathname === '/connected');
    await expect(page.getByTestId('connected-title').textContent()).resolves.toBe(
      `Waymark is connected to portal ${sandbox.demoPortalId}`,
    );
    const scopes = await page.getByTestId('connected-scopes').locator('li').allTextContents();
    expect(scopes).toContain('crm.objects.contacts.read');

    const row = await t.db.installation.findUniqueOrThrow({ where: { portalId: BigInt(sandbox.demoPortalId) } });
    expect(row.status).toBe('active');
    const access = decryptToken(parseEnv({}).tokenKeys, row.portalId, row.accessTokenCipher);
    expect(sandbox.state.oauth.accessTokens.get(access)?.portalId).toBe(sandbox.demoPortalId);
    expect(row.accessTokenCipher).not.toContain(access);
  });

  it('refuses the same callback URL a second time', async () => {
    expect(callbackUrl).toContain('code=');
    const response = await page.goto(callbackUrl);
    expect(response?.status()).toBe(400);
    await expect(page.locator('body').textContent()).resolves.toContain('already been used');
  });

  it('a property change in HubSpot arrives as a verified, stored webhook event with one job', async () => {
    const portal = sandbox.state.portal(sandbox.demoPortalId)!;
    const contact = [...recordsOf(portal, 'contacts').values()][0]!;
    updateRecord(portal, 'contacts', contact.id, { lifecyclestage: 'opportunity' }, { changeSource: 'CRM_UI' });
    await sandbox.drainWebhooks();
    const events = await t.db.webhookEvent.findMany({ where: { portalId: BigInt(portal.id), objectId: BigInt(contact.id) } });
    const change = events.find((e) => e.subscriptionType === 'contact.propertyChange' && (e.payload as { propertyName?: string }).propertyName === 'lifecyclestage');
    expect(change, app.output()).toBeDefined();
    expect((change?.payload as { propertyValue?: string }).propertyValue).toBe('opportunity');
    const jobs = await t.pool.query(
      `SELECT j.payload FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks k ON k.id = j.task_id
        WHERE k.identifier = 'process-webhook-batch'`,
    );
    expect(jobs.rows.some((r: { payload: { eventRowIds: string[] } }) => r.payload.eventRowIds.includes(String(change?.id)))).toBe(true);
  });

  it('the embedded record panel accepts a fresh token, frames only under HubSpot (and the sandbox)', async () => {
    const token = signEmbedToken(AUTH_SECRET, { portalId: String(sandbox.demoPortalId), userId: '1', objectType: 'contact', recordId: '123' }, Date.now());
    const response = await page.goto(`${app.url}/embed/record?token=${encodeURIComponent(token)}`);
    expect(response?.status()).toBe(200);
    const csp = response?.headers()['content-security-policy'] ?? '';
    expect(csp).toContain('frame-ancestors https://app.hubspot.com https://*.hubspot.com');
    expect(csp).toContain(sandbox.url);
    expect(response?.headers()['x-frame-options']).toBeUndefined();
    await page.getByRole('heading', { name: 'Runs' }).waitFor();
    await expect(page.getByTestId('record-panel-subtitle').textContent()).resolves.toContain('Record 123');
    const cookies = await page.context().cookies(app.url);
    expect(cookies.filter((c) => c.name !== 'waymark_oauth_nonce')).toEqual([]);
  });

  it('refuses a missing, forged or expired embed token with a 401 page', async () => {
    const expired = signEmbedToken(AUTH_SECRET, { portalId: '1', userId: '1', objectType: 'contact', recordId: '1' }, Date.now() - 3_600_000);
    for (const query of ['', '?token=forged.token', `?token=${encodeURIComponent(expired)}`]) {
      const response = await fetch(`${app.url}/embed/record${query}`);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-security-policy')).toContain('frame-ancestors');
      expect(await response.text()).toMatch(/not valid|expired/);
    }
  });
});
