// GET /crm/v3/owners/{ownerId}?idProperty=id|userId: one owner.
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';

export const ownerGet: Route = {
  method: 'GET',
  paths: ['/crm/v3/owners/:ownerId', '/crm/owners/2026-03/:ownerId'],
  auth: 'bearer',
  scopes: ['crm.objects.owners.read'],
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const byUser = request.query.get('idProperty') === 'userId';
    const id = request.params.ownerId ?? '';
    const owner = portal.owners.find((o) => (byUser ? String(o.userId) === id : o.id === id));
    if (!owner) throw notFound(`Owner ${id} not found`);
    return json(200, owner);
  },
};
