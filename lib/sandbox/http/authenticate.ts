/** Bearer-token check for API routes: sandbox-issued, unexpired, not revoked; scopes per route. */
import type { AccessToken } from '../state/oauth-store';
import type { SandboxState } from '../state/sandbox-state';
import { expiredAuth, missingAuth, missingScopes } from './hubspot-errors';

export function authenticate(state: SandboxState, authorization: string | undefined, scopes: readonly string[] | undefined): AccessToken {
  const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
  const token = match?.[1] ? state.oauth.accessTokens.get(match[1]) : undefined;
  if (!token) throw missingAuth();
  const now = state.now();
  if (token.expiresAt <= now) throw expiredAuth(Math.floor((now - token.expiresAt) / 60_000));
  if (!state.oauth.installation(token.portalId, token.appId)) throw missingAuth();
  // HubSpot accepts a call when the token holds any one of the endpoint's granular scopes.
  if (scopes && scopes.length > 0 && !scopes.some((scope) => token.scopes.includes(scope))) throw missingScopes(scopes);
  return token;
}
