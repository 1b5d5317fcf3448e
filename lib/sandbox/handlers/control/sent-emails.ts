// GET /_sandbox/portals/{portalId}/sent-emails: transactional emails the portal accepted (with their sendResult), newest last.
import type { Route } from '../../http/router';
import { json } from '../../http/sandbox-request';
import { controlPortal } from './control-portal';

export const sentEmailsList: Route = {
  method: 'GET',
  paths: ['/_sandbox/portals/:portalId/sent-emails'],
  auth: 'control',
  handler: (request, context) => json(200, { results: [...controlPortal(context, request.params).sentEmails.values()] }),
};
