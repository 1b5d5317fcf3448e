// DELETE /crm/v4/objects/{fromType}/{fromId}/associations/{toType}/{toId}: remove every association between the two → 204.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { noContent } from '../../http/sandbox-request';
import { disassociate } from '../../state/association-writer';
import { objectScopes, objectTypeParam } from '../crm/object-type-param';

export const associationDelete: Route = {
  method: 'DELETE',
  paths: ['/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId'],
  auth: 'bearer',
  scopes: objectScopes('write', 'fromType'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    disassociate(portal, objectTypeParam(request.params, 'fromType'), request.params.fromId ?? '', objectTypeParam(request.params, 'toType'), request.params.toId ?? '',
      source);
    return noContent();
  },
};
