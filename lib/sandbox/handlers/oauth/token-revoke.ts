// POST /oauth/v3/token/revoke (+2026-03): revokes a refresh token (or drops an access token); not an uninstall.
import type { Route } from '../../http/router';
import { formBody, json } from '../../http/sandbox-request';
import { authenticateClient } from './client-auth';

export const tokenRevoke: Route = {
  method: 'POST',
  paths: ['/oauth/v3/token/revoke', '/oauth/2026-03/token/revoke'],
  auth: 'none',
  writes: true,
  handler: (request, { state }) => {
    const form = formBody(request);
    const app = authenticateClient(state, form.client_id, form.client_secret);
    const value = form.token ?? form.refresh_token ?? form.access_token ?? '';
    const refresh = state.oauth.refreshTokens.get(value);
    if (refresh && refresh.appId === app.appId) refresh.revoked = true;
    const access = state.oauth.accessTokens.get(value);
    if (access && access.appId === app.appId) state.oauth.accessTokens.delete(value);
    // RFC 7009: answer 200 whether or not the token existed.
    return json(200, {});
  },
};
