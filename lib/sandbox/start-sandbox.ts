/**
 * Starts the local HubSpot sandbox: an HTTP server that serves HubSpot's OAuth, CRM, automation,
 * email and uninstall endpoints with HubSpot's paths, shapes and errors, and delivers signed
 * webhooks to the app. State lives in memory; portals and apps are independent.
 *
 * Defaults come from lib/env.ts: the app's client id/secret, `SANDBOX_PORT`, and the webhook
 * target `${APP_URL}/api/hubspot/webhooks`. The project config under `hubspot/` (app scopes and
 * redirect URLs, webhook subscriptions) is read when present. Used by `npm run sandbox`,
 * `npm run dev` (sandbox mode) and tests (`port: 0`, `retryScale` small).
 */
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { env } from '../env';
import { log } from '../log';
import { FaultInjector } from './http/faults';
import { RateLimiter } from './http/rate-limiter';
import type { SandboxServices, SandboxSettings } from './http/sandbox-context';
import { createSandboxServer } from './http/server';
import { ROUTES } from './handlers/routes';
import { seedDemoPortals, DEMO_PORTAL_ID } from './seed/seed-demo-portals';
import type { SandboxApp } from './state/sandbox-app';
import { loadOAuth, saveOAuth, serializeOAuth } from './state/oauth-persistence';
import { readAppConfig } from './state/read-app-config';
import { SandboxState } from './state/sandbox-state';
import { defaultSubscriptions } from './webhooks/default-subscriptions';
import { readWebhooksConfig } from './webhooks/read-webhooks-config';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher';

/** Options for `startSandbox`; everything has a default. */
export interface StartSandboxOptions {
  /** Port to listen on; 0 picks a free one. Default `env().sandbox.port`. */
  port?: number;
  /** Interface to bind. Default 127.0.0.1. */
  host?: string;
  /** Webhook target of the default app, e.g. http://localhost:3000/api/hubspot/webhooks; `null` = off. */
  appTargetUrl?: string | null;
  clientId?: string;
  clientSecret?: string;
  /** Numeric app id of the default app. Default `env().hubspot.appId`. */
  appId?: number;
  /** Allowed OAuth redirect URLs. Default: the project's `redirectUrls` plus `${APP_URL}/api/hubspot/oauth/callback`. */
  redirectUris?: string[];
  /** Multiplies HubSpot's webhook retry delays (1 = real, ~24 h in total; 0.0001 for tests). Default 1. */
  retryScale?: number;
  /** Webhook delivery timeout (HubSpot: 5 s). */
  deliveryTimeoutMs?: number;
  /** How long events collect before a batch goes out. Default 50 ms. */
  batchWindowMs?: number;
  /** Seed the demo portals (62515 with owners, contacts, deals, flows; 62516 small). Default true. */
  seed?: boolean;
  /** Sandbox clock (epoch ms); also stamps webhook signatures. Default Date.now. */
  now?: () => number;
  /** The HubSpot project directory (for app scopes and webhook subscriptions). Default `./hubspot`. */
  projectDir?: string;
  /** Keep OAuth grants in this JSON file across restarts (used by `npm run sandbox`); default: memory only. */
  persistOAuthPath?: string;
  /** How far the search index trails writes (HubSpot: "newly written records can lag"). Default 0. */
  searchLagMs?: number;
}

/** A running sandbox. */
export interface SandboxHandle {
  /** Base URL, e.g. http://127.0.0.1:4010 (use as the SDK's `basePath`). */
  url: string;
  stop(): Promise<void>;
  /** Typed access to apps, portals, records and OAuth grants (for tests). */
  state: SandboxState;
  /** The app registered from the options (client id/secret, subscriptions, target). */
  app: SandboxApp;
  demoPortalId: number;
  dispatcher: WebhookDispatcher;
  faults: FaultInjector;
  limiter: RateLimiter;
  setWebhookTarget(url: string | null): void;
  /** Resolves when no webhook delivery is pending, in flight or waiting for a retry. */
  drainWebhooks(): Promise<void>;
}

export async function startSandbox(options: StartSandboxOptions = {}): Promise<SandboxHandle> {
  const config = env();
  const now = options.now ?? (() => Date.now());
  // Two clocks. Wall time signs webhooks and dates tokens, because the app checks both against
  // real time. Record time stamps what happens in the portals (property changes, emails,
  // activities, webhook events' occurredAt); in sandbox mode the app moves it with its own
  // runtime clock (PUT /_sandbox/clock), so a demo fast-forward shows up in the timeline too.
  const settings: SandboxSettings = { searchLagMs: options.searchLagMs ?? 0, clockOffsetMs: 0 };
  const recordNow = () => now() + settings.clockOffsetMs;
  const projectDir = options.projectDir ?? join(process.cwd(), 'hubspot');
  const appConfig = readAppConfig(join(projectDir, 'src/app/app-hsmeta.json'));
  const webhooksConfig = readWebhooksConfig(join(projectDir, 'src/app/webhooks/webhooks-hsmeta.json'));

  let url = '';
  const dispatcher = new WebhookDispatcher({
    now,
    retryScale: options.retryScale ?? 1,
    timeoutMs: options.deliveryTimeoutMs ?? 5_000,
    batchWindowMs: options.batchWindowMs ?? 50,
    targetsFor: (portalId) => state.webhookTargets(portalId),
  });
  const state = new SandboxState(now, (portal, change) => dispatcher.onChange(portal, change), recordNow);
  const callback = `${config.appUrl}/api/hubspot/oauth/callback`;
  const app = state.addApp({
    appId: options.appId ?? Number(config.hubspot.appId),
    clientId: options.clientId ?? config.hubspot.clientId,
    clientSecret: options.clientSecret ?? config.hubspot.clientSecret,
    redirectUris: options.redirectUris ?? [...new Set([...(appConfig?.redirectUrls ?? []), callback])],
    requiredScopes: appConfig?.requiredScopes.length ? appConfig.requiredScopes : null,
    optionalScopes: appConfig?.optionalScopes ?? [],
    webhookTarget: options.appTargetUrl === undefined ? `${config.appUrl}/api/hubspot/webhooks` : options.appTargetUrl,
    maxConcurrentRequests: webhooksConfig?.maxConcurrentRequests ?? 10,
    subscriptions: webhooksConfig?.subscriptions.length ? webhooksConfig.subscriptions : defaultSubscriptions(),
  });
  if (options.seed ?? true) seedDemoPortals(state);
  const persistPath = options.persistOAuthPath;
  let saved = '';
  const persist = () => {
    if (!persistPath) return;
    const current = serializeOAuth(state.oauth);
    if (current === saved) return;
    try {
      saveOAuth(current, persistPath);
      saved = current;
    } catch (error) {
      // Losing the snapshot only means a reinstall after a restart; never crash the sandbox for it.
      log.warn('sandbox: could not save OAuth grants', { path: persistPath, error: String(error) });
    }
  };
  if (persistPath) {
    loadOAuth(state.oauth, persistPath, (id) => !!state.portal(id));
    saved = serializeOAuth(state.oauth);
  }
  // Grants change rarely; a cheap check every 2 s plus one on stop keeps the file current.
  const persistTimer = persistPath ? setInterval(persist, 2_000).unref() : null;

  const services: SandboxServices = {
    state,
    dispatcher,
    faults: new FaultInjector(),
    limiter: new RateLimiter(),
    baseUrl: () => url,
    projectDir,
    settings,
  };
  const server = createSandboxServer(ROUTES, services);
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => {
      if (persistTimer) clearInterval(persistTimer);
      dispatcher.stop();
      reject(error);
    });
    server.listen(options.port ?? config.sandbox.port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  url = `http://${host}:${address.port}`;

  return {
    url,
    state,
    app,
    demoPortalId: DEMO_PORTAL_ID,
    dispatcher,
    faults: services.faults,
    limiter: services.limiter,
    setWebhookTarget: (target) => {
      app.webhookTarget = target;
    },
    drainWebhooks: () => dispatcher.drain(),
    stop: async () => {
      if (persistTimer) clearInterval(persistTimer);
      persist();
      dispatcher.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
