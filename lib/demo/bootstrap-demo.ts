/**
 * The sandbox demo, ready on every `npm run dev`: once the web app, the worker and the HubSpot
 * sandbox answer, Waymark is installed into the demo portal through the real OAuth consent flow
 * (unless both sides already hold the installation), the example contracts' email templates are
 * mapped, and the three example contracts are published through the contracts API. Safe to run
 * on every start: each step checks or is a no-op when already done.
 */
import type { Env } from '../env';
import { createPrisma } from '../db/prisma';
import { setEmailTemplate } from '../runtime/store/email-templates';
import { isInstallationActive } from '../runtime/store/installations';
import { DEMO_EMAIL_TEMPLATES, DEMO_FIRST_CONTACT_EMAIL, DEMO_PORTAL_ID } from './demo-portal';
import { installThroughOAuth } from './install-through-oauth';
import { publishDemoContracts } from './publish-demo-contracts';
import { readClockOffset } from '../runtime/store/clock-offset';
import { listDemoContacts, recordPageUrl, sandboxInstalledApps, syncSandboxClock } from './sandbox-control';
import { waitUntil } from './wait-until';

/** What the bootstrap needs: the sandbox-mode configuration and the database the app uses. */
export interface DemoBootstrapOptions {
  config: Pick<Env, 'appUrl' | 'sandbox' | 'hubspot'>;
  databaseUrl: string;
  say: (line: string) => void;
  /** How long to wait for web, worker and sandbox (a cold `next dev` compiles on first request). */
  readyTimeoutMs?: number;
}

/** The URLs the start-up line names. */
export interface DemoReady {
  landingUrl: string;
  recordPageUrl: string;
  clockUrl: string;
}

const HEARTBEAT_FRESH_MS = 20_000;

export async function bootstrapDemo(options: DemoBootstrapOptions): Promise<DemoReady> {
  const { appUrl } = options.config;
  const sandboxUrl = options.config.sandbox.url;
  const timeout = options.readyTimeoutMs ?? 10 * 60_000;
  const portal = BigInt(DEMO_PORTAL_ID);
  const db = createPrisma(options.databaseUrl, { max: 2 });
  try {
    await waitUntil('the HubSpot sandbox', async () => (await fetch(`${sandboxUrl}/_sandbox`)).ok, timeout);
    // The sandbox starts at offset 0 on every start; the runtime clock's offset is persisted.
    await syncSandboxClock(sandboxUrl, await readClockOffset(db));
    await waitUntil('the web app', async () => {
      const health = await fetch(`${appUrl}/api/health`, { signal: AbortSignal.timeout(120_000) });
      if (!health.ok) throw new Error(`/api/health answered HTTP ${health.status}`);
      return true;
    }, timeout);
    await waitUntil('the worker', async () => (await db.workerHeartbeat.count({ where: { lastSeenAt: { gt: new Date(Date.now() - HEARTBEAT_FRESH_MS) } } })) > 0, timeout);

    const installedInApp = await isInstallationActive(db, portal);
    const installedInSandbox = (await sandboxInstalledApps(sandboxUrl, DEMO_PORTAL_ID)).includes(Number(options.config.hubspot.appId));
    if (installedInApp && installedInSandbox) {
      options.say(`Waymark is already installed in demo portal ${DEMO_PORTAL_ID}`);
    } else {
      options.say(`installing Waymark into demo portal ${DEMO_PORTAL_ID} through the sandbox's OAuth consent page`);
      await installThroughOAuth(appUrl, DEMO_PORTAL_ID);
    }

    // A template someone re-mapped keeps their choice; only missing ones get the demo email.
    for (const [template, emailId] of Object.entries(DEMO_EMAIL_TEMPLATES)) {
      const held = await db.emailTemplate.findUnique({ where: { portalId_template: { portalId: portal, template } } });
      if (!held) await setEmailTemplate(db, portal, template, emailId);
    }

    const outcomes = await publishDemoContracts(appUrl, DEMO_PORTAL_ID);
    options.say(
      `contracts: ${outcomes.map((o) => (o.result === 'left-as-is' ? `${o.key} left ${o.status}` : `${o.key} v${o.version} ${o.result === 'published' ? 'published' : 'live'}`)).join(', ')}`,
    );

    const contacts = await listDemoContacts(sandboxUrl, DEMO_PORTAL_ID);
    const first = contacts.find((c) => c.email === DEMO_FIRST_CONTACT_EMAIL) ?? contacts[0];
    const ready: DemoReady = {
      landingUrl: appUrl,
      recordPageUrl: first ? recordPageUrl(sandboxUrl, DEMO_PORTAL_ID, first.id) : `${sandboxUrl}/_sandbox/records/${DEMO_PORTAL_ID}`,
      clockUrl: `${appUrl}/dev/clock`,
    };
    options.say(
      `ready: open ${ready.landingUrl} (try the demo) · ${first?.name ?? 'demo'}'s HubSpot record page with the Waymark card: ${ready.recordPageUrl} · demo clock: ${ready.clockUrl}`,
    );
    return ready;
  } finally {
    await db.$disconnect();
  }
}
