/**
 * Validates an install (authorize) request like HubSpot's consent screen: known `client_id`,
 * `redirect_uri` exactly one of the app's redirect URLs, a non-empty space-separated `scope`
 * that (when the app's scopes are configured) equals the app's required scopes, and an
 * `optional_scope` within its optional scopes.
 */
import type { SandboxApp } from '../../state/sandbox-app';
import type { SandboxState } from '../../state/sandbox-state';

/** A valid authorize request. */
export interface AuthorizeRequest {
  app: SandboxApp;
  redirectUri: string;
  scopes: string[];
  optionalScopes: string[];
  state: string | undefined;
}

const split = (value: string | null | undefined) => (value ?? '').split(/[\s+]+/).map((s) => s.trim()).filter(Boolean);

/** Returns the request or a message for the error page. */
export function parseAuthorizeRequest(
  state: SandboxState,
  params: { get(name: string): string | null | undefined },
): AuthorizeRequest | { error: string } {
  const clientId = params.get('client_id');
  if (!clientId) return { error: 'Missing client_id.' };
  const app = state.apps.get(clientId);
  if (!app) return { error: `Unknown client_id "${clientId}". Check the app's client id.` };
  const redirectUri = params.get('redirect_uri');
  if (!redirectUri) return { error: 'Missing redirect_uri.' };
  if (!app.redirectUris.includes(redirectUri)) {
    return { error: `redirect_uri "${redirectUri}" does not match any redirect URL configured for this app.` };
  }
  const scopes = split(params.get('scope'));
  if (scopes.length === 0) return { error: 'Missing scope: at least one scope is required.' };
  const optionalScopes = split(params.get('optional_scope'));
  if (app.requiredScopes) {
    const required = new Set(app.requiredScopes);
    const mismatch = scopes.length !== required.size || scopes.some((s) => !required.has(s));
    if (mismatch) {
      return {
        error: `Authorization failed because there is a mismatch between the scopes in the install URL and the app's configured scopes. Required: ${[...required].join(' ')}; requested: ${scopes.join(' ')}.`,
      };
    }
    const unknown = optionalScopes.filter((s) => !app.optionalScopes.includes(s) && !required.has(s));
    if (unknown.length > 0) return { error: `Optional scopes not configured for this app: ${unknown.join(' ')}.` };
  }
  return { app, redirectUri, scopes, optionalScopes, state: params.get('state') ?? undefined };
}
