/**
 * HubSpot-shaped error bodies. API errors use `{status:"error", message, correlationId, category,
 * ...}` (reference §6.9); OAuth errors keep HubSpot's `status`/`message` and add the RFC 6749
 * `error`/`error_description` fields (§1.4). Handlers throw `SandboxError`; the server turns it
 * into a response, so bad input is always a 4xx and never a crash.
 */
import { randomUUID } from 'node:crypto';

/** An error that becomes exactly this HTTP response. */
export class SandboxError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.name = 'SandboxError';
  }
}

/** A generic API error: category plus optional extra fields (errors, context, subCategory). */
export function apiError(status: number, category: string, message: string, extra: Record<string, unknown> = {}): SandboxError {
  return new SandboxError(status, { status: 'error', message, correlationId: randomUUID(), category, ...extra });
}

export const validationError = (message: string, extra: Record<string, unknown> = {}) =>
  apiError(400, 'VALIDATION_ERROR', message, extra);

export const notFound = (message = 'resource not found') => apiError(404, 'OBJECT_NOT_FOUND', message);

/** 401 for a missing or unknown token (HubSpot's wording). */
export const missingAuth = () =>
  apiError(
    401,
    'INVALID_AUTHENTICATION',
    'Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview',
  );

/** 401 for a token that was valid once but has expired. */
export const expiredAuth = (minutesAgo: number) =>
  apiError(
    401,
    'EXPIRED_AUTHENTICATION',
    `The OAuth token used to make this call expired ${Math.max(0, Math.floor(minutesAgo / 60))} hour(s) ago.`,
  );

/** 403 when the token lacks a scope the endpoint needs. */
export const missingScopes = (scopes: readonly string[]) =>
  apiError(
    403,
    'MISSING_SCOPES',
    "This app hasn't been granted all required scopes to make this call. Read more about required scopes here: https://developers.hubspot.com/scopes.",
    {
      errors: [{ message: 'One or more of the following scopes are required.', context: { requiredGranularScopes: [...scopes] } }],
      links: { scopes: 'https://developers.hubspot.com/scopes' },
    },
  );

/** OAuth token-endpoint error: legacy status/message plus RFC 6749 error/error_description. */
export function oauthError(status: number, error: string, hubspotStatus: string, message: string): SandboxError {
  return new SandboxError(status, {
    error,
    error_description: message,
    status: hubspotStatus,
    message,
    correlationId: randomUUID(),
  });
}

export const badRefreshToken = () =>
  oauthError(400, 'invalid_grant', 'BAD_REFRESH_TOKEN', 'refresh token is invalid, expired or revoked');

export const badAuthCode = () =>
  oauthError(400, 'invalid_grant', 'BAD_AUTH_CODE', 'auth code not found, expired or already used');

export const badClient = () => oauthError(400, 'invalid_client', 'BAD_CLIENT_ID', 'missing or unknown client id or secret');
