/** Token metadata bodies (v1 GET responses and v3 introspection), built from stored grants. */
import type { AccessToken, RefreshToken } from '../../state/oauth-store';
import type { SandboxState } from '../../state/sandbox-state';

function owner(state: SandboxState, portalId: number, userId: number) {
  const portal = state.portal(portalId);
  return { portal, email: portal?.owners.find((o) => o.userId === userId)?.email };
}

/** v1 `AccessTokenInfoResponse`. */
export function accessTokenInfo(state: SandboxState, token: AccessToken): Record<string, unknown> {
  const { portal, email } = owner(state, token.portalId, token.userId);
  const expiresIn = Math.max(0, Math.round((token.expiresAt - state.now()) / 1000));
  return {
    token: token.token,
    user: email,
    hub_domain: portal?.domain,
    scopes: token.scopes,
    hub_id: token.portalId,
    app_id: token.appId,
    expires_in: expiresIn,
    user_id: token.userId,
    token_type: 'access',
    is_private_distribution: false,
    signed_access_token: {
      expiresAt: token.expiresAt,
      scopes: token.scopes.join(' '),
      hubId: token.portalId,
      userId: token.userId,
      appId: token.appId,
      installingUserId: token.userId,
      isUserLevel: false,
      isServiceAccount: false,
      isPrivateDistribution: false,
      hublet: 'na1',
    },
  };
}

/** v1 `RefreshTokenInfoResponse`. */
export function refreshTokenInfo(state: SandboxState, token: RefreshToken): Record<string, unknown> {
  const { portal, email } = owner(state, token.portalId, token.userId);
  const app = state.appById(token.appId);
  return {
    token: token.token,
    user: email,
    hub_domain: portal?.domain,
    scopes: token.scopes,
    hub_id: token.portalId,
    client_id: app?.clientId,
    user_id: token.userId,
    token_type: 'refresh',
  };
}

/** Live access token by value (unexpired, app still installed). */
export function liveAccessToken(state: SandboxState, value: string | undefined): AccessToken | undefined {
  const token = value ? state.oauth.accessTokens.get(value) : undefined;
  if (!token || token.expiresAt <= state.now() || !state.oauth.installation(token.portalId, token.appId)) return undefined;
  return token;
}

/** Live refresh token by value (not revoked, app still installed). */
export function liveRefreshToken(state: SandboxState, value: string | undefined): RefreshToken | undefined {
  const token = value ? state.oauth.refreshTokens.get(value) : undefined;
  if (!token || token.revoked || !state.oauth.installation(token.portalId, token.appId)) return undefined;
  return token;
}
