// POST /crm/v3/objects/{objectType}: create a record (with inline associations) → 201.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { createWithAssociations } from './create-with-associations';
import { objectScopes, objectTypeParam } from './object-type-param';
import { allPropertyNames, presentRecord } from './present-record';
import { createInput } from './schemas';

export const objectCreate: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/:objectType', '/crm/objects/2026-03/:objectType'],
  auth: 'bearer',
  scopes: objectScopes('write'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, createInput);
    const record = createWithAssociations(portal, type, input, source);
    return json(201, presentRecord(portal, record, { properties: allPropertyNames(record) }));
  },
};
