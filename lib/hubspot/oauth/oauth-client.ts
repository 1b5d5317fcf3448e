/**
 * HubSpot's v3 OAuth endpoints, called directly: the Node SDK only speaks the v1 token API,
 * which HubSpot switches off on 16 Feb 2027. All parameters go in a form-encoded body.
 *
 * - `POST {apiBase}/oauth/v3/token` (authorization_code and refresh_token grants)
 * - `POST {apiBase}/oauth/v3/token/introspect` (portal id, scopes, installing user)
 *
 * Every response is validated with zod. Errors are typed: `OAuthGrantError` means the code or
 * refresh token is dead (`invalid_grant` / `BAD_REFRESH_TOKEN` / `BAD_AUTH_CODE`), which no retry
 * fixes; `OAuthTransientError` is a network failure or 5xx/429 worth retrying.
 */
import { z } from 'zod';
import { int64IdOrNumber } from '../../schema/int64-id';
import type { OAuthConfig } from './oauth-config';

/** Tokens as HubSpot issues them. */
export interface TokenSet {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires (1800 today). */
  expiresIn: number;
  hubId?: bigint;
  userId?: bigint;
  scopes?: string[];
}

/** What introspecting an access token tells us about the installation. */
export interface TokenInfo {
  hubId: bigint;
  userId?: bigint;
  userEmail?: string;
  hubDomain?: string;
  scopes: string[];
}

export class OAuthGrantError extends Error {
  constructor(message: string, readonly hubspotStatus?: string) {
    super(message);
    this.name = 'OAuthGrantError';
  }
}

export class OAuthTransientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OAuthTransientError';
  }
}

/** Any other OAuth failure (bad client credentials, malformed response): needs a person. */
export class OAuthError extends Error {
  constructor(message: string, readonly status?: number) {
    super(message);
    this.name = 'OAuthError';
  }
}

const id = int64IdOrNumber().transform((v) => BigInt(v));

const tokenResponse = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  hub_id: id.optional(),
  user_id: id.optional(),
  scopes: z.array(z.string()).optional(),
});

const introspectResponse = z.object({
  active: z.boolean().optional(),
  hub_id: id,
  user_id: id.optional(),
  user: z.string().optional(),
  hub_domain: z.string().optional(),
  scopes: z.array(z.string()),
});

const errorBody = z
  .object({ error: z.string().optional(), status: z.string().optional(), message: z.string().optional(), error_description: z.string().optional() })
  .loose();

export interface OAuthCallOptions {
  /** Injected for tests; defaults to the global fetch. */
  fetch?: typeof fetch;
  timeoutMs?: number;
}

async function post(config: OAuthConfig, path: string, form: Record<string, string>, options: OAuthCallOptions): Promise<unknown> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(`${config.apiBase}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
      signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
    });
  } catch (error) {
    throw new OAuthTransientError(`HubSpot OAuth ${path} unreachable: ${(error as Error).message}`);
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Non-JSON error pages (proxies, outages) are handled by status below.
  }
  if (response.ok) return body;
  if (response.status >= 500 || response.status === 429) {
    throw new OAuthTransientError(`HubSpot OAuth ${path} answered ${response.status}`);
  }
  const parsed = errorBody.safeParse(body);
  const err = parsed.success ? parsed.data : {};
  const message = err.message ?? err.error_description ?? `HTTP ${response.status}`;
  if (err.error === 'invalid_grant' || err.status === 'BAD_REFRESH_TOKEN' || err.status === 'BAD_AUTH_CODE') {
    throw new OAuthGrantError(message, err.status ?? err.error);
  }
  throw new OAuthError(`HubSpot OAuth ${path} rejected the request (${response.status}): ${message}`, response.status);
}

function toTokenSet(body: unknown): TokenSet {
  const parsed = tokenResponse.safeParse(body);
  if (!parsed.success) throw new OAuthError(`unexpected token response: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  const t = parsed.data;
  return { accessToken: t.access_token, refreshToken: t.refresh_token, expiresIn: t.expires_in, hubId: t.hub_id, userId: t.user_id, scopes: t.scopes };
}

/** Exchanges an authorization code for tokens. */
export async function exchangeCode(config: OAuthConfig, code: string, options: OAuthCallOptions = {}): Promise<TokenSet> {
  const body = await post(
    config,
    '/oauth/v3/token',
    { grant_type: 'authorization_code', client_id: config.clientId, client_secret: config.clientSecret, redirect_uri: config.redirectUri, code },
    options,
  );
  return toTokenSet(body);
}

/** Uses a refresh token for a new access token (and whatever refresh token comes back). */
export async function refreshTokens(config: OAuthConfig, refreshToken: string, options: OAuthCallOptions = {}): Promise<TokenSet> {
  const body = await post(
    config,
    '/oauth/v3/token',
    { grant_type: 'refresh_token', client_id: config.clientId, client_secret: config.clientSecret, refresh_token: refreshToken },
    options,
  );
  return toTokenSet(body);
}

/** Reads an access token's metadata: portal, scopes, installing user. */
export async function introspectAccessToken(config: OAuthConfig, accessToken: string, options: OAuthCallOptions = {}): Promise<TokenInfo> {
  const body = await post(
    config,
    '/oauth/v3/token/introspect',
    { client_id: config.clientId, client_secret: config.clientSecret, token: accessToken, token_type_hint: 'access_token' },
    options,
  );
  const parsed = introspectResponse.safeParse(body);
  if (!parsed.success) throw new OAuthError(`unexpected introspection response: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  if (parsed.data.active === false) throw new OAuthGrantError('access token is not active');
  const i = parsed.data;
  return { hubId: i.hub_id, userId: i.user_id, userEmail: i.user, hubDomain: i.hub_domain, scopes: i.scopes };
}
