// GET /crm/v3/owners: owners, optionally by email, with after/limit paging.
import { validationError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';

export const ownersList: Route = {
  method: 'GET',
  paths: ['/crm/v3/owners', '/crm/v3/owners/', '/crm/owners/2026-03'],
  auth: 'bearer',
  scopes: ['crm.objects.owners.read'],
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const limit = Number(request.query.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw validationError('limit must be between 1 and 500');
    const after = Number(request.query.get('after') ?? 0);
    if (!Number.isInteger(after) || after < 0) throw validationError('after must be a non-negative integer');
    const email = request.query.get('email')?.toLowerCase();
    const archived = request.query.get('archived') === 'true';
    const all = portal.owners.filter((o) => o.archived === archived && (!email || o.email.toLowerCase() === email));
    const body: Record<string, unknown> = { results: all.slice(after, after + limit) };
    if (after + limit < all.length) body.paging = { next: { after: String(after + limit) } };
    return json(200, body);
  },
};
