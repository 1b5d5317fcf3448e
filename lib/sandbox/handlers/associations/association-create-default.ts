// PUT /crm/v4/objects/{fromType}/{fromId}/associations/default/{toType}/{toId}: the unlabelled association.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { associate } from '../../state/association-writer';
import { objectScopes, objectTypeParam } from '../crm/object-type-param';
import { defaultLinkResult } from './association-params';

export const associationCreateDefault: Route = {
  method: 'PUT',
  paths: ['/crm/v4/objects/:fromType/:fromId/associations/default/:toType/:toId'],
  auth: 'bearer',
  scopes: objectScopes('write', 'fromType'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const fromType = objectTypeParam(request.params, 'fromType');
    const toType = objectTypeParam(request.params, 'toType');
    const fromId = request.params.fromId ?? '';
    const toId = request.params.toId ?? '';
    const started = new Date(portal.now()).toISOString();
    const types = associate(portal, fromType, fromId, toType, toId, source);
    return json(200, {
      status: 'COMPLETE',
      results: types.map((t) => defaultLinkResult(fromId, toId, t)),
      startedAt: started,
      completedAt: new Date(portal.now()).toISOString(),
    });
  },
};
