// POST /_sandbox/card-fetch: the card host's hubspot.fetch. Signs the request with the app's client secret (v3 + v2, as HubSpot does) and calls the app.
import { z } from 'zod';
import { env } from '../../env';
import { signatureHeaders } from '../../hubspot/signature';
import type { Route } from '../http/router';
import { json, type SandboxReply } from '../http/sandbox-request';
import type { SandboxApp } from '../state/sandbox-app';
import { readPermittedFetchUrls, resolveCardFetchTarget } from './permitted-urls';

const MAX_PAYLOAD_BYTES = 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 15_000;
// HubSpot allows 20 concurrent hubspot.fetch requests per app and installed account.
const MAX_IN_FLIGHT = 20;
const inFlight = new Map<string, number>();

const input = z.object({
  url: z.string().min(1).max(8192),
  method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).default('GET'),
  body: z.record(z.string(), z.unknown()).optional(),
  timeout: z.number().int().positive().max(120_000).optional(),
  portalId: z.number().int().positive(),
  appId: z.number().int().positive(),
});

const refuse = (status: number, message: string): SandboxReply => json(status, { status: 'error', message });

/** The local app's origin: where the app receives webhooks, else the configured APP_URL. */
export function appOrigin(app: SandboxApp): string {
  return app.webhookTarget ? new URL(app.webhookTarget).origin : env().appUrl;
}

async function callApp(app: SandboxApp, target: string, method: string, rawBody: string, timeoutMs: number, now: () => number) {
  const deadline = Date.now() + timeoutMs;
  // One retry on a connection failure or a 5xx within the timeout window, as HubSpot does.
  for (let attempt = 0; ; attempt++) {
    const timestamp = String(now());
    const headers: Record<string, string> = {
      ...signatureHeaders(app.clientSecret, { method, uri: target, rawBody, timestamp, legacyVersion: 'v2' }),
      'user-agent': 'HubSpot Connect 2.0 (hubspot.fetch; Waymark sandbox)',
      ...(rawBody ? { 'content-type': 'application/json' } : {}),
    };
    try {
      const response = await fetch(target, {
        method, headers, body: rawBody || undefined, redirect: 'manual',
        signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())),
      });
      if (response.status >= 500 && attempt === 0 && Date.now() < deadline) continue;
      return response;
    } catch (error) {
      if (attempt === 0 && Date.now() < deadline && (error as Error).name !== 'TimeoutError') continue;
      throw error;
    }
  }
}

export const cardFetch: Route = {
  method: 'POST',
  paths: ['/_sandbox/card-fetch'],
  auth: 'none',
  handler: async (request, context) => {
    let raw: unknown;
    try {
      raw = JSON.parse(request.rawBody);
    } catch {
      return refuse(400, 'card-fetch expects a JSON body');
    }
    const parsed = input.safeParse(raw);
    if (!parsed.success) return refuse(400, `Invalid card-fetch request: ${parsed.error.issues[0]?.message}`);
    const { url, method, body, timeout, portalId, appId } = parsed.data;
    const app = context.state.appById(appId);
    if (!app) return refuse(404, `No app ${appId} in the sandbox`);
    const resolved = resolveCardFetchTarget(url, readPermittedFetchUrls(context.projectDir), appOrigin(app));
    if (!resolved.ok) return refuse(403, resolved.message);
    const rawBody = body === undefined || method === 'GET' ? '' : JSON.stringify(body);
    if (Buffer.byteLength(rawBody) > MAX_PAYLOAD_BYTES) return refuse(413, 'hubspot.fetch request bodies are limited to 1 MB');

    const key = `${appId}:${portalId}`;
    if ((inFlight.get(key) ?? 0) >= MAX_IN_FLIGHT) return refuse(429, 'Too many concurrent hubspot.fetch requests');
    inFlight.set(key, (inFlight.get(key) ?? 0) + 1);
    try {
      const response = await callApp(app, resolved.target, method, rawBody, timeout ?? DEFAULT_TIMEOUT_MS, context.state.now);
      const text = await response.text();
      if (Buffer.byteLength(text) > MAX_PAYLOAD_BYTES) return refuse(502, 'The app answered with more than 1 MB');
      return json(200, { status: response.status, contentType: response.headers.get('content-type') ?? undefined, body: text });
    } catch (error) {
      const reason = (error as Error).name === 'TimeoutError' ? 'timed out' : String((error as Error).message ?? error);
      return refuse(502, `hubspot.fetch could not reach the app (${reason})`);
    } finally {
      inFlight.set(key, (inFlight.get(key) ?? 1) - 1);
    }
  },
};
