// POST /automation/v4/flows: create a flow (201 with the saved flow), validated as HubSpot does.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import type { SandboxRequest } from '../../http/sandbox-request';
import type { Portal } from '../../state/portal';
import { createFlow } from '../../state/flow-store';
import { flowGraphError } from './flow-graph-errors';
import { flowCreateBody } from './flow-input';

/** Parses, checks and saves a create body for `portal` (shared with the control route). */
export function createFlowFromRequest(request: SandboxRequest, portal: Portal) {
  const body = parseJsonBody(request, flowCreateBody);
  const graph = flowGraphError(body.actions, body.startActionId);
  if (graph) throw graph;
  return json(201, createFlow(portal, body));
}

export const flowCreate: Route = {
  method: 'POST',
  paths: ['/automation/v4/flows', '/automation/2026-09-beta/flows'],
  auth: 'bearer',
  scopes: ['automation'],
  writes: true,
  handler: (request, context) => createFlowFromRequest(request, callerPortal(context).portal),
};
