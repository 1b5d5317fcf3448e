// POST /oauth/v1/token, /oauth/v3/token, /oauth/2026-03/token: authorization_code and refresh_token grants.
import { badAuthCode, badRefreshToken, oauthError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { formBody, json, type SandboxRequest } from '../../http/sandbox-request';
import { authenticateClient } from './client-auth';
import { tokenResponse } from './token-response';

/** v1 (legacy) also reads `client_secret` and `refresh_token` from the query string; v3 only the body. */
function fields(request: SandboxRequest): Record<string, string | undefined> {
  const body = formBody(request);
  if (!request.path.startsWith('/oauth/v1/')) return body;
  return {
    ...body,
    client_secret: body.client_secret ?? request.query.get('client_secret') ?? undefined,
    refresh_token: body.refresh_token ?? request.query.get('refresh_token') ?? undefined,
  };
}

export const token: Route = {
  method: 'POST',
  paths: ['/oauth/v1/token', '/oauth/v3/token', '/oauth/2026-03/token'],
  auth: 'none',
  writes: true,
  handler: (request, context) => {
    const { state } = context;
    const form = fields(request);
    const grantType = form.grant_type;
    if (grantType !== 'authorization_code' && grantType !== 'refresh_token') {
      throw oauthError(400, 'unsupported_grant_type', 'BAD_GRANT_TYPE', `grant_type must be authorization_code or refresh_token, got "${grantType ?? ''}"`);
    }
    const app = authenticateClient(state, form.client_id, form.client_secret);
    const now = state.now();
    if (grantType === 'authorization_code') {
      const code = form.code ? state.oauth.codes.get(form.code) : undefined;
      if (!code || code.used || code.expiresAt <= now || code.appId !== app.appId) throw badAuthCode();
      if (form.redirect_uri !== code.redirectUri) {
        throw oauthError(400, 'invalid_grant', 'BAD_REDIRECT_URI', 'redirect_uri does not match the one used to get the code');
      }
      code.used = true;
      const issued = state.oauth.issueTokens(code, now);
      return json(200, tokenResponse(issued, now));
    }
    const refresh = form.refresh_token ? state.oauth.refreshTokens.get(form.refresh_token) : undefined;
    if (!refresh || refresh.revoked || refresh.appId !== app.appId || !state.oauth.installation(refresh.portalId, refresh.appId)) {
      throw badRefreshToken();
    }
    const issued = state.oauth.issueTokens(refresh, now, refresh.token);
    return json(200, tokenResponse(issued, now));
  },
};
