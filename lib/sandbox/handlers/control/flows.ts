// POST /_sandbox/portals/{portalId}/flows: add a native workflow with the same body as POST /automation/v4/flows, no token.
import type { Route } from '../../http/router';
import { createFlowFromRequest } from '../automation/flow-create';
import { controlPortal } from './control-portal';

export const controlFlowCreate: Route = {
  method: 'POST',
  paths: ['/_sandbox/portals/:portalId/flows'],
  auth: 'control',
  writes: true,
  handler: (request, context) => createFlowFromRequest(request, controlPortal(context, request.params)),
};
