// DELETE /appinstalls/v3/external-install (+2026-03): the app uninstalls itself from the token's portal → 204; tokens stop working, webhooks stop.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { noContent } from '../../http/sandbox-request';

export const externalUninstall: Route = {
  method: 'DELETE',
  paths: ['/appinstalls/v3/external-install', '/appinstalls/2026-03/external-install'],
  auth: 'bearer',
  scopes: ['oauth'],
  writes: true,
  handler: (_request, context) => {
    const { grant } = callerPortal(context);
    context.state.oauth.uninstall(grant.portalId, grant.appId);
    return noContent();
  },
};
