// POST /oauth/v3/token/introspect (+2026-03): token metadata; accepts `token` or the hint-named field (`access_token=`/`refresh_token=`).
import type { Route } from '../../http/router';
import { formBody, json } from '../../http/sandbox-request';
import { authenticateClient } from './client-auth';
import { accessTokenInfo, liveAccessToken, liveRefreshToken, refreshTokenInfo } from './token-info';

export const tokenIntrospect: Route = {
  method: 'POST',
  paths: ['/oauth/v3/token/introspect', '/oauth/2026-03/token/introspect'],
  auth: 'none',
  handler: (request, { state }) => {
    const form = formBody(request);
    const app = authenticateClient(state, form.client_id, form.client_secret);
    const hint = form.token_type_hint;
    const value = form.token ?? (hint === 'refresh_token' ? form.refresh_token : form.access_token) ?? form.access_token ?? form.refresh_token;
    if (hint !== 'refresh_token') {
      const access = liveAccessToken(state, value);
      if (access && access.appId === app.appId) {
        const { token_type: _v1Type, ...info } = accessTokenInfo(state, access);
        return json(200, { active: true, ...info, client_id: app.clientId, token_use: 'access_token', token_type: 'Bearer' });
      }
    }
    if (hint !== 'access_token') {
      const refresh = liveRefreshToken(state, value);
      if (refresh && refresh.appId === app.appId) {
        const { token_type: _v1Type, ...info } = refreshTokenInfo(state, refresh);
        return json(200, { active: true, ...info, app_id: app.appId, token_use: 'refresh_token', token_type: 'Bearer' });
      }
    }
    return json(200, { active: false });
  },
};
