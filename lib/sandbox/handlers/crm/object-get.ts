// GET /crm/v3/objects/{objectType}/{objectId}: one record (properties, history, associations, idProperty).
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { requireFound } from './find-record';
import { objectScopes, objectTypeParam, readSelection } from './object-type-param';
import { presentRecord } from './present-record';

export const objectGet: Route = {
  method: 'GET',
  paths: ['/crm/v3/objects/:objectType/:objectId', '/crm/objects/2026-03/:objectType/:objectId'],
  auth: 'bearer',
  scopes: objectScopes('read'),
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const selection = readSelection(request.query, type);
    const record = requireFound(portal, type, request.params.objectId ?? '', {
      idProperty: request.query.get('idProperty'),
      archived: selection.archived,
    });
    return json(200, presentRecord(portal, record, selection));
  },
};
