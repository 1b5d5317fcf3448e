// GET /crm/v3/objects/{objectType}: a page of records ordered by id, `after` cursor, limit ≤ 100.
import { validationError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { recordsOf } from '../../state/portal';
import { objectScopes, objectTypeParam, readSelection } from './object-type-param';
import { presentRecord } from './present-record';

export const objectList: Route = {
  method: 'GET',
  paths: ['/crm/v3/objects/:objectType', '/crm/objects/2026-03/:objectType'],
  auth: 'bearer',
  scopes: objectScopes('read'),
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const selection = readSelection(request.query, type);
    const limit = Number(request.query.get('limit') ?? 10);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw validationError('limit must be an integer between 1 and 100');
    const after = request.query.get('after');
    if (after !== null && !/^\d+$/.test(after)) throw validationError(`Invalid after cursor: ${after}`);
    const all = [...recordsOf(portal, type).values()]
      .filter((r) => r.archived === selection.archived)
      .sort((a, b) => Number(a.id) - Number(b.id))
      .filter((r) => after === null || Number(r.id) >= Number(after));
    const page = all.slice(0, limit);
    const next = all[limit];
    const body: Record<string, unknown> = { results: page.map((r) => presentRecord(portal, r, selection)) };
    if (next) {
      const link = new URL(request.path, context.baseUrl());
      link.searchParams.set('after', next.id);
      body.paging = { next: { after: next.id, link: link.toString() } };
    }
    return json(200, body);
  },
};
