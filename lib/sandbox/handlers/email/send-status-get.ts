// GET /marketing/v3/email/send-statuses/{statusId}: the status of a transactional send.
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { sendStatusView } from './send-status-view';

export const sendStatusGet: Route = {
  method: 'GET',
  paths: ['/marketing/v3/email/send-statuses/:statusId'],
  auth: 'bearer',
  scopes: ['transactional-email'],
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const sent = portal.sentEmails.get(request.params.statusId ?? '');
    if (!sent) throw notFound(`No send status ${request.params.statusId}`);
    return json(200, sendStatusView(sent));
  },
};
