// GET /crm/v3/properties/{objectType}/{propertyName}: one property definition.
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { propertiesOf } from '../../state/portal';
import { objectTypeParam } from '../crm/object-type-param';
import { schemaReadScopes } from './type-scopes';

export const propertyGet: Route = {
  method: 'GET',
  paths: ['/crm/v3/properties/:objectType/:propertyName', '/crm/properties/2026-03/:objectType/:propertyName'],
  auth: 'bearer',
  scopes: schemaReadScopes,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const def = propertiesOf(portal, type).get(request.params.propertyName ?? '');
    if (!def) throw notFound(`Unable to find property ${request.params.propertyName} for object type ${type}`);
    return json(200, def);
  },
};
