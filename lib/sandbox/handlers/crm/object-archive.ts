// DELETE /crm/v3/objects/{objectType}/{objectId}: archive (move to the recycle bin) → 204.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { noContent } from '../../http/sandbox-request';
import { archiveRecord } from '../../state/record-writer';
import { objectScopes, objectTypeParam } from './object-type-param';

export const objectArchive: Route = {
  method: 'DELETE',
  paths: ['/crm/v3/objects/:objectType/:objectId', '/crm/objects/2026-03/:objectType/:objectId'],
  auth: 'bearer',
  scopes: objectScopes('write'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    archiveRecord(portal, objectTypeParam(request.params), request.params.objectId ?? '', source);
    return noContent();
  },
};
