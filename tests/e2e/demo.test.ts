/**
 * The out-of-the-box demo: the real `npm run dev` (scripts/dev.ts) on a fresh data directory
 * installs the demo portal through the sandbox's OAuth consent page and puts the three example
 * contracts live by itself. Then, in Chromium, a person's path: the landing page → a demo
 * contact's fake HubSpot record page with Waymark's card → "misses the meeting" → the clock
 * fast-forwarded from the landing page's buttons → exactly one email and the run's exit, seen in
 * the card, the timeline and the database. A restart runs the bootstrap again as a no-op.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/free-port';
import { stopProcess } from '../helpers/app-server';
import { launchChromium } from '../helpers/chromium';

const PORTAL = 62515;
const GRACE = 'Grace Hopper';
const READY = /\[demo\] ready: open (\S+) .*record page with the Waymark card: (\S+) /;

interface Dev {
  child: ChildProcess;
  output: () => string;
  recordPageUrl: string;
}

async function startDev(dataDir: string, ports: { app: number; pg: number; sandbox: number }): Promise<Dev> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/dev.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: '',
      APP_URL: `http://localhost:${ports.app}`,
      PORT: String(ports.app),
      EMBEDDED_PG_PORT: String(ports.pg),
      EMBEDDED_PG_DIR: dataDir,
      SANDBOX_PORT: String(ports.sandbox),
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr?.on('data', (c: Buffer) => (output += c.toString()));
  const deadline = Date.now() + 300_000;
  for (;;) {
    const ready = READY.exec(output);
    if (ready) return { child, output: () => output, recordPageUrl: ready[2]! };
    if (/\[demo\] bootstrap failed/.test(output)) throw new Error(`the demo bootstrap failed:\n${output}`);
    if (child.exitCode !== null) throw new Error(`npm run dev exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) throw new Error(`no "[demo] ready" line within 300 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

describe('npm run dev: the demo works out of the box', () => {
  let dataDir: string;
  let ports: { app: number; pg: number; sandbox: number };
  let dev: Dev | undefined;
  let db: pg.Client;
  let browser: Browser;
  let page: Page;
  let app: string;
  let sandbox: string;
  let graceId: string;

  const query = async <T,>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
  const noShowRun = async () =>
    (await query<{ status: string; current_step_id: string; exit_id: string | null }>(
      `SELECT status, current_step_id, exit_id FROM runs WHERE portal_id = $1 AND record_id = $2 AND contract_key = 'no-show-rebook' ORDER BY started_at DESC LIMIT 1`,
      [PORTAL, graceId],
    ))[0];
  const sentToGrace = async () => {
    const body = (await (await fetch(`${sandbox}/_sandbox/portals/${PORTAL}/sent-emails`)).json()) as { results: { contactId?: string; sendResult: string; requestedAt: string }[] };
    return body.results.filter((e) => e.contactId === graceId && e.sendResult === 'SENT');
  };
  async function eventually<T>(what: string, probe: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 60_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (ok(value)) return value;
      if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(value)}\n${dev?.output().slice(-4000)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  async function connect() {
    const client = new pg.Client({ connectionString: `postgresql://postgres:waymark@127.0.0.1:${ports.pg}/waymark` });
    // The embedded database stops with npm run dev; a dropped connection then is expected.
    client.on('error', () => {});
    await client.connect();
    return client;
  }
  async function openRecordPage() {
    await page.goto(dev!.recordPageUrl);
    const card = page.getByTestId('waymark-card-root');
    await card.getByText('Why (last decision)').waitFor({ timeout: 60_000 });
    return card;
  }

  beforeAll(async () => {
    dataDir = join(await mkdtemp(join(tmpdir(), 'waymark-demo-')), 'pg');
    ports = { app: await freePort(), pg: await freePort(), sandbox: await freePort() };
    app = `http://localhost:${ports.app}`;
    sandbox = `http://127.0.0.1:${ports.sandbox}`;
    dev = await startDev(dataDir, ports);
    db = await connect();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  }, 360_000);

  afterAll(async () => {
    await browser?.close();
    await db?.end().catch(() => {});
    if (dev) await stopProcess(dev.child, 'SIGINT');
  });

  it('installs the demo portal through the consent page and puts the three example contracts live', async () => {
    expect(dev!.output()).toContain(`[demo] installing Waymark into demo portal ${PORTAL} through the sandbox's OAuth consent page`);
    // One install state, issued by the install route and consumed by the callback.
    expect(await query(`SELECT used_at IS NOT NULL AS used FROM oauth_states`)).toEqual([{ used: true }]);
    const installations = await query<{ portal_id: string; status: string }>(`SELECT portal_id::text, status FROM installations`);
    expect(installations).toEqual([{ portal_id: String(PORTAL), status: 'active' }]);
    const contracts = await query<{ key: string; status: string; versions: number }>(
      `SELECT c.key, c.status, (SELECT count(*)::int FROM contract_versions v WHERE v.contract_id = c.id) AS versions FROM contracts c ORDER BY c.key`,
    );
    expect(contracts).toEqual([
      { key: 'long-term-nurture', status: 'live', versions: 1 },
      { key: 'new-lead-follow-up', status: 'live', versions: 1 },
      { key: 'no-show-rebook', status: 'live', versions: 1 },
    ]);
    const templates = await query<{ template: string }>(`SELECT template FROM email_templates ORDER BY template`);
    expect(templates.map((t) => t.template)).toEqual(['monthly-digest', 'rebook-1', 'welcome-1']);
  });

  it('the landing page leads to a demo contact’s record page, where the card shows Waymark’s data', async () => {
    await page.goto(app);
    await expect(page.getByTestId('demo-status').textContent()).resolves.toBe(
      `Waymark is installed in demo portal ${PORTAL} · live contracts: long-term-nurture, new-lead-follow-up, no-show-rebook`,
    );
    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/demo-landing-page.png', fullPage: true });
    const link = page.getByTestId('demo-contacts').getByRole('link', { name: GRACE });
    graceId = new URL((await link.getAttribute('href'))!).pathname.split('/').at(-1)!;
    expect(dev!.recordPageUrl).toBe(`${sandbox}/_sandbox/record/${PORTAL}/contacts/${graceId}`);
    // The record page opens in a tab of its own, as it would from a HubSpot link.
    const [tab] = await Promise.all([page.waitForEvent('popup'), link.click()]);
    await tab.waitForURL(dev!.recordPageUrl);
    await expect(tab.getByTestId('record-title').textContent()).resolves.toBe(GRACE);
    await tab.close();
    const card = await openRecordPage();
    await expect(card.getByTestId('no-active-runs').isVisible()).resolves.toBe(true);
    // The warning the card shows when no contract covers contacts is gone: the examples are live.
    await expect(card.getByTestId('warning-no-live-contracts').count()).resolves.toBe(0);
  });

  it('no-show → +10 minutes → +3 days from the landing page: exactly one email and the run exits', async () => {
    await page.goto(app);
    const missedAt = Date.now();
    await page.getByRole('button', { name: `${GRACE}: Misses the meeting` }).click();
    await page.waitForURL((url) => url.searchParams.get('played') === 'no-show');
    await expect(page.getByTestId('demo-played').textContent()).resolves.toContain(GRACE);
    await eventually('enrolled in no-show-rebook', noShowRun, (run) => run?.current_step_id === 'pause');

    let card = await openRecordPage();
    await card.getByText('No-show rebooking').waitFor();
    await expect(card.getByText('step: pause').count()).resolves.toBe(1);

    await page.goto(app);
    const advance = async (by: string) => {
      const before = await page.getByTestId('clock-now').textContent();
      await page.getByTestId(`advance-${by}`).click();
      await eventually('clock moved', () => page.getByTestId('clock-now').textContent(), (now) => now !== before && now !== '…');
    };
    await advance('PT10M');
    await eventually('email sent, waiting for a booking', noShowRun, (run) => run?.current_step_id === 'await-booking');
    await eventually('one email', sentToGrace, (sent) => sent.length === 1);
    // The sandbox stamps Waymark's email on the runtime's clock: ten minutes after the no-show.
    const [email] = await sentToGrace();
    expect(Date.parse(email!.requestedAt) - missedAt).toBeGreaterThanOrEqual(10 * 60_000);

    await advance('P3D');
    const exited = await eventually('exit after three silent days', noShowRun, (run) => run?.status === 'exited');
    expect(exited).toMatchObject({ exit_id: 'exit-silent' });
    expect(await sentToGrace()).toHaveLength(1);
    const attempts = await query<{ kind: string; n: number }>(
      `SELECT a.kind, count(*)::int AS n FROM action_attempts a JOIN runs r ON r.id = a.run_id WHERE r.record_id = $1 AND r.contract_key = 'no-show-rebook' AND a.kind = 'send_email' GROUP BY a.kind`,
      [graceId],
    );
    expect(attempts).toEqual([{ kind: 'send_email', n: 1 }]);

    card = await openRecordPage();
    // exit-silent hands the contact to long-term nurture: that run is the card's active one now.
    await card.getByText('Long-term nurture', { exact: false }).first().waitFor();
    await expect(card.getByText('No-show rebooking').count()).resolves.toBe(0);
    const emails = page.getByTestId('record-timeline').locator('[data-kind="email"]');
    await expect(emails.count()).resolves.toBe(1);
    await expect(emails.first().textContent()).resolves.toContain('SENT');
    await page.screenshot({ path: 'test-results/demo-record-page.png', fullPage: true });

    // The landing page's Waymark column tells the same story.
    await page.goto(app);
    await expect(page.getByTestId(`demo-contact-${graceId}`).getByTestId('demo-contact-runs').textContent()).resolves.toBe('long-term-nurture at monthly-wait');
  });

  it('a restart of npm run dev runs the bootstrap again without installing or publishing twice', async () => {
    await db.end();
    await stopProcess(dev!.child, 'SIGINT');
    dev = await startDev(dataDir, ports);
    db = await connect();
    expect(dev.output()).toContain(`[demo] Waymark is already installed in demo portal ${PORTAL}`);
    expect(dev.output()).toContain('[demo] contracts: long-term-nurture v1 live, new-lead-follow-up v1 live, no-show-rebook v1 live');
    expect(await query(`SELECT portal_id::text FROM installations`)).toEqual([{ portal_id: String(PORTAL) }]);
    expect(await query(`SELECT count(*)::int AS n FROM oauth_states`)).toEqual([{ n: 1 }]);
    const live = await query<{ key: string; versions: number }>(
      `SELECT c.key, count(v.id)::int AS versions FROM contracts c JOIN contract_versions v ON v.contract_id = c.id WHERE c.status = 'live' AND c.live_version_id IS NOT NULL GROUP BY c.key ORDER BY c.key`,
    );
    expect(live).toEqual([
      { key: 'long-term-nurture', versions: 1 },
      { key: 'new-lead-follow-up', versions: 1 },
      { key: 'no-show-rebook', versions: 1 },
    ]);
    // The sandbox kept its side of the installation too: the record page shows the card, not an install link.
    const card = await openRecordPage();
    await expect(card.getByText('Active runs').count()).resolves.toBe(1);
  }, 400_000);
});
