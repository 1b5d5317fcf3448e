// DELETE /oauth/v1/refresh-tokens/{token}: revokes only the refresh token (access tokens keep working; not an uninstall).
import { oauthError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { noContent } from '../../http/sandbox-request';

export const refreshTokenDelete: Route = {
  method: 'DELETE',
  paths: ['/oauth/v1/refresh-tokens/:token'],
  auth: 'none',
  writes: true,
  handler: (request, { state }) => {
    const token = state.oauth.refreshTokens.get(request.params.token ?? '');
    if (!token || token.revoked) throw oauthError(404, 'invalid_token', 'BAD_REFRESH_TOKEN', 'refresh token is invalid, expired or revoked');
    token.revoked = true;
    return noContent();
  },
};
