// GET /automation/v4/flows: flow summaries, `limit` (≤100) and `after` paging.
import { validationError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { flowSummary } from './flow-summary';

export const flowsList: Route = {
  method: 'GET',
  paths: ['/automation/v4/flows', '/automation/2026-09-beta/flows'],
  auth: 'bearer',
  scopes: ['automation'],
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const limit = Number(request.query.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw validationError('limit must be between 1 and 100');
    const flows = [...portal.flows.values()].sort((a, b) => Number(a.id) - Number(b.id));
    const after = request.query.get('after');
    const start = after ? flows.findIndex((f) => Number(f.id) > Number(after)) : 0;
    const rest = start < 0 ? [] : flows.slice(start);
    const page = rest.slice(0, limit);
    const body: Record<string, unknown> = { results: page.map(flowSummary) };
    if (rest.length > limit) {
      const last = String(page[page.length - 1]!.id);
      const link = new URL(request.path, context.baseUrl());
      link.searchParams.set('after', last);
      body.paging = { next: { after: last, link: link.toString() } };
    }
    return json(200, body);
  },
};
