/**
 * One HubSpot API call, done right: a slot from the shared per-portal budget, the portal's
 * access token from the vault, the request through `@hubspot/api-client` (`basePath` from
 * config, SDK retries off because the retry policy lives here), and the outcome mapped to the
 * CRM port's error types.
 *
 * Retry policy (bounded; each attempt takes a new budget slot):
 * - 429: wait `Retry-After` if given, else by policy (1 s for the secondly/search limit, 2 s for
 *   the 10-second one), then retry; still limited after `maxAttempts` → `CrmTransientError`.
 * - Reads and idempotent writes (PATCH, batch reads, searches): 5xx, timeouts and dropped
 *   connections are retried with exponential backoff and full jitter, then `CrmTransientError`.
 * - Non-idempotent writes (creates, sends): a failure before the request left (connection
 *   refused, DNS) or a 503/429 (not processed) is retried like a read; a timeout, a dropped
 *   connection or a 500/502/504 after the request was sent may or may not have written, so it
 *   is thrown as `CrmAmbiguousError` at once and the caller checks with `findWrite`.
 * - 401 before the token's expiry (revoked, uninstalled): one forced refresh and retry; a dead
 *   refresh token marks the installation uninstalled (`InstallationInactiveError`).
 * - Any other 4xx → `CrmPermanentError` with HubSpot's status and category.
 */
import { Client } from '@hubspot/api-client';
import type { z } from 'zod';
import { log } from '../../log';
import { CrmAmbiguousError, CrmPermanentError, CrmTransientError } from '../crm-port';
import type { AccessTokenSource } from '../access-token-source';
import { OAuthTransientError } from '../oauth/oauth-client';
import { reserve, type ApiBudgetStore, type BudgetBucket } from './api-budget';
import { hubspotErrorBody } from './crm-schemas';

/** One request to the HubSpot API. */
export interface CrmRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /** Budget bucket (default `general`). */
  bucket?: BudgetBucket;
  /** True when sending it twice does no harm (reads, PATCH, searches). Default: GET only. */
  idempotent?: boolean;
}

/** Runtime knobs; every one is injectable so tests need no real waiting where they choose. */
export interface CrmHttpDeps {
  /** The shared per-portal request budget. */
  budget: ApiBudgetStore;
  tokens: AccessTokenSource;
  apiBase: string;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Per-request timeout (ms). Default 15 s. */
  timeoutMs?: number;
  /** Attempts per call including the first (default 4). */
  maxAttempts?: number;
  /** Longest wait for a budget slot before giving up (ms, default 60 s). */
  maxBudgetWaitMs?: number;
  /** Called before each retry (metrics, tests). */
  onRetry?: (info: { path: string; attempt: number; delayMs: number; error: Error }) => void;
}

const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);

class TimeoutError extends Error {}

type Outcome =
  | { kind: 'ok'; body: unknown }
  | { kind: 'retry'; error: Error; delayMs?: number }
  | { kind: 'throw'; error: Error }
  | { kind: 'unauthorized'; token: string; error: Error };

export type CrmHttp = <S extends z.ZodType>(portalId: bigint, request: CrmRequest, schema: S) => Promise<z.output<S>>;

/** How long a 429 asks us to wait: `Retry-After` (seconds) when sent, else by HubSpot's policy. */
export function retryAfterMs(headers: { get(name: string): string | null }, policyName?: string): number {
  const header = headers.get('retry-after');
  if (header && /^\d+(\.\d+)?$/.test(header)) return Math.ceil(Number(header) * 1000);
  return policyName === 'TEN_SECONDLY_ROLLING' ? 2_000 : 1_000;
}

/** Creates the call function for one process (share it: it holds the prune counter). */
export function createCrmHttp(deps: CrmHttpDeps): CrmHttp {
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  const maxAttempts = deps.maxAttempts ?? 4;
  let calls = 0;

  /** `rejected`: the token a 401 just refused (forces a refresh); `refreshed`: a 401 was already retried. */
  async function attempt(portalId: bigint, request: CrmRequest, idempotent: boolean, rejected: string | undefined, refreshed: boolean): Promise<Outcome> {
    const bucket = request.bucket ?? 'general';
    const got = await reserve(deps.budget, portalId, bucket, { sleep, random, maxWaitMs: deps.maxBudgetWaitMs ?? 60_000 });
    if (!got) return { kind: 'throw', error: new CrmTransientError(`HubSpot request budget for portal ${portalId} exhausted`, 1_000) };
    if (++calls % 500 === 0) await deps.budget.prune().catch(() => undefined);

    let token: string;
    try {
      token = await deps.tokens(portalId, rejected === undefined ? undefined : { rejected });
    } catch (error) {
      if (error instanceof OAuthTransientError) return { kind: 'retry', error: new CrmTransientError(error.message) };
      throw error;
    }
    // numberOfApiCallRetries 0: no SDK retry decorator; every retry decision is made here.
    const client = new Client({ accessToken: token, basePath: deps.apiBase, numberOfApiCallRetries: 0 });
    // The SDK's apiRequest takes no abort signal: on timeout we stop waiting (and classify the
    // outcome) while the socket finishes on its own.
    let timer: NodeJS.Timeout | undefined;
    try {
      const response = await Promise.race([
        client.apiRequest({ method: request.method, path: request.path, qs: request.query, body: request.body }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new TimeoutError(`timed out after ${deps.timeoutMs ?? 15_000} ms`)), deps.timeoutMs ?? 15_000);
        }),
      ]);
      const text = await response.text();
      let body: unknown;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        body = undefined;
      }
      if (response.ok) return { kind: 'ok', body };
      const error = hubspotErrorBody.safeParse(body);
      const info = error.success ? error.data : {};
      const where = `${request.method} ${request.path}`;
      const message = `HubSpot ${where} → ${response.status}: ${info.message ?? 'no message'}`;
      if (response.status === 401 && !refreshed) {
        // The token was refused before its expiry (revoked, or uninstalled): refresh once. A dead
        // refresh token then marks the installation uninstalled (InstallationInactiveError).
        return { kind: 'unauthorized', token, error: new CrmPermanentError(message, 401, info.category) };
      }
      if (response.status === 429) {
        const delay = retryAfterMs(response.headers, info.policyName);
        return { kind: 'retry', error: new CrmTransientError(message, delay, 429), delayMs: delay };
      }
      if (response.status >= 500) {
        if (!idempotent && response.status !== 503) return { kind: 'throw', error: new CrmAmbiguousError(`${message} (the write may have happened)`) };
        return { kind: 'retry', error: new CrmTransientError(message, undefined, response.status) };
      }
      return { kind: 'throw', error: new CrmPermanentError(message, response.status, info.category) };
    } catch (error) {
      const code = (error as { code?: string }).code;
      const where = `${request.method} ${request.path}`;
      const reason = error instanceof TimeoutError ? error.message : `${code ?? 'network error'}: ${(error as Error).message}`;
      if (!idempotent && !(code && NOT_SENT_CODES.has(code))) {
        return { kind: 'throw', error: new CrmAmbiguousError(`HubSpot ${where}: ${reason} after sending (the write may have happened)`) };
      }
      return { kind: 'retry', error: new CrmTransientError(`HubSpot ${where}: ${reason}`) };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }

  return async (portalId, request, schema) => {
    const idempotent = request.idempotent ?? request.method === 'GET';
    let last: Error | undefined;
    let rejected: string | undefined;
    let refreshed = false;
    for (let n = 1; n <= maxAttempts; n++) {
      const outcome = await attempt(portalId, request, idempotent, rejected, refreshed);
      rejected = undefined;
      if (outcome.kind === 'throw') throw outcome.error;
      if (outcome.kind === 'unauthorized') {
        rejected = outcome.token;
        refreshed = true;
        last = outcome.error;
        continue;
      }
      if (outcome.kind === 'ok') {
        const parsed = schema.safeParse(outcome.body);
        if (parsed.success) return parsed.data;
        const issue = parsed.error.issues[0];
        throw new CrmPermanentError(
          `HubSpot ${request.method} ${request.path} returned an unexpected shape: ${issue?.path.join('.')} ${issue?.message}`,
        );
      }
      last = outcome.error;
      if (n === maxAttempts) break;
      // Exponential backoff with full jitter (250 ms, 500 ms, 1 s … capped at 8 s), unless told.
      const delay = outcome.delayMs ?? Math.round(random() * Math.min(8_000, 250 * 2 ** (n - 1)));
      deps.onRetry?.({ path: request.path, attempt: n, delayMs: delay, error: last });
      log.debug('hubspot call retrying', { portalId: portalId.toString(), path: request.path, attempt: n, delayMs: delay, reason: last.message });
      await sleep(delay);
    }
    throw last ?? new CrmTransientError(`HubSpot ${request.method} ${request.path} failed`);
  };
}
