// PATCH /crm/v3/objects/{objectType}/{objectId}: update properties (optionally by idProperty).
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { updateRecord } from '../../state/record-writer';
import { requireFound } from './find-record';
import { objectScopes, objectTypeParam } from './object-type-param';
import { allPropertyNames, presentRecord } from './present-record';
import { updateInput } from './schemas';

export const objectUpdate: Route = {
  method: 'PATCH',
  paths: ['/crm/v3/objects/:objectType/:objectId', '/crm/objects/2026-03/:objectType/:objectId'],
  auth: 'bearer',
  scopes: objectScopes('write'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, updateInput);
    const found = requireFound(portal, type, request.params.objectId ?? '', { idProperty: request.query.get('idProperty') });
    const record = updateRecord(portal, type, found.id, input.properties, source);
    return json(200, presentRecord(portal, record, { properties: allPropertyNames(record) }));
  },
};
