// GET /automation/v4/flows/{flowId}: the full flow.
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';

export const flowGet: Route = {
  method: 'GET',
  paths: ['/automation/v4/flows/:flowId', '/automation/2026-09-beta/flows/:flowId'],
  auth: 'bearer',
  scopes: ['automation'],
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const flow = portal.flows.get(request.params.flowId ?? '');
    if (!flow) throw notFound(`Flow ${request.params.flowId} not found`);
    return json(200, flow);
  },
};
