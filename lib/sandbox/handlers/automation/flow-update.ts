// PUT /automation/v4/flows/{flowId}: replace a flow; the body carries the revisionId it was read at.
import { notFound, validationError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { replaceFlow } from '../../state/flow-store';
import { flowGraphError } from './flow-graph-errors';
import { flowPutBody } from './flow-input';

export const flowUpdate: Route = {
  method: 'PUT',
  paths: ['/automation/v4/flows/:flowId', '/automation/2026-09-beta/flows/:flowId'],
  auth: 'bearer',
  scopes: ['automation'],
  writes: true,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const id = request.params.flowId ?? '';
    const existing = portal.flows.get(id);
    if (!existing) throw notFound(`Flow ${id} not found`);
    const body = parseJsonBody(request, flowPutBody);
    if (body.type !== existing.type) {
      throw validationError(`type ${body.type} does not match the flow's type ${String(existing.type)}`, { errors: [{ message: 'type cannot change', in: 'type', code: 'INVALID_TYPE' }] });
    }
    const graph = flowGraphError(body.actions, body.startActionId);
    if (graph) throw graph;
    const result = replaceFlow(portal, id, body);
    if (result.ok) return json(200, result.flow);
    if (result.reason === 'not_found') throw notFound(`Flow ${id} not found`);
    // UNVERIFIED: the spec requires revisionId but does not document the stale-revision answer;
    // the sandbox refuses it as a validation error naming the current revision.
    throw validationError(`revisionId ${body.revisionId} is not the current revision ${result.current} of flow ${id}; read the flow again`, {
      errors: [{ message: `current revision is ${result.current}`, in: 'revisionId', code: 'STALE_REVISION' }],
    });
  },
};
