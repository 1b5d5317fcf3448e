// POST /_sandbox/installs: install an app in a portal without the consent page (returns the token response); POST /_sandbox/portals/{id}/expire-tokens ages out access tokens.
import { z } from 'zod';
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { tokenResponse } from '../oauth/token-response';
import { controlPortal } from './control-portal';

export const installCreate: Route = {
  method: 'POST',
  paths: ['/_sandbox/installs'],
  auth: 'control',
  handler: (request, context) => {
    const input = parseJsonBody(request, z.object({ portalId: z.number().int(), clientId: z.string().optional(), scopes: z.array(z.string()).optional() }));
    const clientId = input.clientId ?? [...context.state.apps.keys()][0];
    if (!clientId || !context.state.apps.has(clientId) || !context.state.portal(input.portalId)) throw notFound('Unknown app or portal');
    const issued = context.state.install(input.portalId, clientId, { scopes: input.scopes });
    return json(201, tokenResponse(issued, context.state.now()));
  },
};

export const tokensExpire: Route = {
  method: 'POST',
  paths: ['/_sandbox/portals/:portalId/expire-tokens'],
  auth: 'control',
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    let expired = 0;
    for (const token of context.state.oauth.accessTokens.values()) {
      if (token.portalId === portal.id) {
        token.expiresAt = Math.min(token.expiresAt, context.state.now());
        expired++;
      }
    }
    return json(200, { expired });
  },
};
