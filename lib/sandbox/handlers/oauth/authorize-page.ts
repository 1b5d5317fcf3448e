// GET /oauth/authorize and /oauth/{accountId}/authorize: the install consent screen.
import type { Route } from '../../http/router';
import { html } from '../../http/sandbox-request';
import { authorizeErrorPage, consentPage } from './consent-page';
import { parseAuthorizeRequest } from './authorize-request';

export const authorizePage: Route = {
  method: 'GET',
  paths: ['/oauth/authorize', '/oauth/:accountId/authorize'],
  auth: 'none',
  handler: (request, context) => {
    const parsed = parseAuthorizeRequest(context.state, request.query);
    if ('error' in parsed) return html(400, authorizeErrorPage(parsed.error));
    const portals = [...context.state.portals.values()];
    const wanted = Number(request.params.accountId ?? request.query.get('portal_id') ?? NaN);
    if (request.params.accountId && !context.state.portal(wanted)) {
      return html(400, authorizeErrorPage(`Account ${request.params.accountId} does not exist in this sandbox.`));
    }
    const selected = context.state.portal(wanted) ? wanted : portals[0]?.id;
    return html(200, consentPage(parsed, request.params.accountId ? portals.filter((p) => p.id === wanted) : portals, selected));
  },
};
