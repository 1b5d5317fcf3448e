// GET /oauth/v1/access-tokens/{token}: v1 access-token metadata.
import { oauthError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { json } from '../../http/sandbox-request';
import { accessTokenInfo, liveAccessToken } from './token-info';

export const accessTokenGet: Route = {
  method: 'GET',
  paths: ['/oauth/v1/access-tokens/:token'],
  auth: 'none',
  handler: (request, { state }) => {
    const token = liveAccessToken(state, request.params.token);
    if (!token) throw oauthError(404, 'invalid_token', 'BAD_ACCESS_TOKEN', 'access token is invalid or expired');
    return json(200, accessTokenInfo(state, token));
  },
};
