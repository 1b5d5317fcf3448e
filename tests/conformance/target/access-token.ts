/** A fresh access token for a target, from its refresh token through the v3 token endpoint. */
import { Client } from '@hubspot/api-client';
import type { ConformanceTarget } from './conformance-target';

export async function refreshGrant(target: ConformanceTarget, path = '/oauth/v3/token'): Promise<Response> {
  return fetch(`${target.apiBase}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      client_id: target.clientId,
      client_secret: target.clientSecret,
      refresh_token: target.refreshToken,
    }),
  });
}

const cache = new WeakMap<ConformanceTarget, string>();

export async function accessToken(target: ConformanceTarget): Promise<string> {
  const cached = cache.get(target);
  if (cached) return cached;
  const response = await refreshGrant(target);
  if (!response.ok) throw new Error(`refresh failed: ${response.status} ${await response.text()}`);
  const token = ((await response.json()) as { access_token: string }).access_token;
  cache.set(target, token);
  return token;
}

/** The official SDK pointed at the target (no retries: the suite asserts raw behaviour). */
export async function sdk(target: ConformanceTarget): Promise<Client> {
  return new Client({ basePath: target.apiBase, accessToken: await accessToken(target) });
}

/** The error an SDK call rejects with: HTTP status and parsed body. */
export async function sdkError(call: Promise<unknown>): Promise<{ code: number; body: Record<string, unknown> }> {
  try {
    await call;
  } catch (error) {
    const e = error as { code?: number; body?: unknown };
    const body = typeof e.body === 'string' ? (JSON.parse(e.body) as Record<string, unknown>) : ((e.body ?? {}) as Record<string, unknown>);
    return { code: e.code ?? 0, body };
  }
  throw new Error('expected the SDK call to fail');
}
