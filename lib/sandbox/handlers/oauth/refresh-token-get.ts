// GET /oauth/v1/refresh-tokens/{token}: v1 refresh-token metadata.
import { oauthError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { json } from '../../http/sandbox-request';
import { liveRefreshToken, refreshTokenInfo } from './token-info';

export const refreshTokenGet: Route = {
  method: 'GET',
  paths: ['/oauth/v1/refresh-tokens/:token'],
  auth: 'none',
  handler: (request, { state }) => {
    const token = liveRefreshToken(state, request.params.token);
    if (!token) throw oauthError(404, 'invalid_token', 'BAD_REFRESH_TOKEN', 'refresh token is invalid, expired or revoked');
    return json(200, refreshTokenInfo(state, token));
  },
};
