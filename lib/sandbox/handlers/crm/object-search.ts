// POST /crm/v3/objects/{objectType}/search: filterGroups/sorts/query with HubSpot's limits; 5 req/s bucket, no rate-limit headers.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { runSearch } from '../../search/run-search';
import { checkSearchLimits, searchRequest } from '../../search/search-request';
import { objectScopes, objectTypeParam, selectedProperties } from './object-type-param';
import { presentRecord } from './present-record';

export const objectSearch: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/:objectType/search', '/crm/objects/2026-03/:objectType/search'],
  auth: 'bearer',
  bucket: 'search',
  scopes: objectScopes('read'),
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, searchRequest);
    checkSearchLimits(input, request.rawBody.length);
    const { total, page, nextAfter } = runSearch(portal, type, input, context.settings.searchLagMs);
    const properties = selectedProperties(type, input.properties);
    const body: Record<string, unknown> = { total, results: page.map((record) => presentRecord(portal, record, { properties })) };
    if (nextAfter !== undefined) body.paging = { next: { after: String(nextAfter) } };
    return json(200, body);
  },
};
