// GET /crm/v3/properties/{objectType}: the type's property definitions.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json, listParam } from '../../http/sandbox-request';
import { propertiesOf } from '../../state/portal';
import { objectTypeParam } from '../crm/object-type-param';
import { schemaReadScopes } from './type-scopes';

export const propertiesList: Route = {
  method: 'GET',
  paths: ['/crm/v3/properties/:objectType', '/crm/properties/2026-03/:objectType'],
  auth: 'bearer',
  scopes: schemaReadScopes,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const archived = request.query.get('archived') === 'true';
    const only = new Set(listParam(request.query, 'properties'));
    const results = [...propertiesOf(portal, type).values()].filter(
      (def) => def.archived === archived && (only.size === 0 || only.has(def.name)),
    );
    return json(200, { results });
  },
};
