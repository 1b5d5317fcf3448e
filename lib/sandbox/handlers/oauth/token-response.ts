/** The token endpoint's success JSON (reference §1.2), shared by v1, v3 and 2026-03. */
import type { AccessToken } from '../../state/oauth-store';

export function tokenResponse(token: AccessToken, now: number): Record<string, unknown> {
  return {
    token_type: 'bearer',
    access_token: token.token,
    refresh_token: token.refreshToken,
    expires_in: Math.round((token.expiresAt - now) / 1000),
    hub_id: token.portalId,
    user_id: token.userId,
    scopes: token.scopes,
    token_use: 'access_token',
  };
}
