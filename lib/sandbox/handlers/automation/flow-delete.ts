// DELETE /automation/v4/flows/{flowId}: 204, or 404 for a flow that does not exist.
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { noContent } from '../../http/sandbox-request';
import { deleteFlow } from '../../state/flow-store';

export const flowDelete: Route = {
  method: 'DELETE',
  paths: ['/automation/v4/flows/:flowId', '/automation/2026-09-beta/flows/:flowId'],
  auth: 'bearer',
  scopes: ['automation'],
  writes: true,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    if (!deleteFlow(portal, request.params.flowId ?? '')) throw notFound(`Flow ${request.params.flowId} not found`);
    return noContent();
  },
};
