// GET /crm/v4/objects/{fromType}/{fromId}/associations/{toType}: linked records with their association types.
import { validationError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { liveLinks } from '../../state/portal';
import { requireRecord } from '../../state/record-writer';
import { objectScopes, objectTypeParam } from '../crm/object-type-param';
import { presentType } from './association-params';

export const associationList: Route = {
  method: 'GET',
  paths: ['/crm/v4/objects/:fromType/:fromId/associations/:toType', '/crm/associations/2026-03/objects/:fromType/:fromId/associations/:toType'],
  auth: 'bearer',
  scopes: objectScopes('read', 'fromType'),
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const fromType = objectTypeParam(request.params, 'fromType');
    const toType = objectTypeParam(request.params, 'toType');
    const fromId = request.params.fromId ?? '';
    requireRecord(portal, fromType, fromId);
    const limit = Number(request.query.get('limit') ?? 500);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw validationError('limit must be between 1 and 500');
    const after = Number(request.query.get('after') ?? 0);
    const links = liveLinks(portal, fromType, fromId, toType);
    const page = links.slice(after, after + limit);
    const body: Record<string, unknown> = {
      results: page.map((l) => ({ toObjectId: Number(l.toId), associationTypes: l.types.map(presentType) })),
    };
    if (after + limit < links.length) body.paging = { next: { after: String(after + limit) } };
    return json(200, body);
  },
};
