// PUT /_sandbox/search {lagMs}: make the search index trail writes by lagMs (0 = immediate), as HubSpot's does.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';

export const searchSettings: Route = {
  method: 'PUT',
  paths: ['/_sandbox/search'],
  auth: 'control',
  handler: (request, context) => {
    const input = parseJsonBody(request, z.object({ lagMs: z.number().int().min(0).max(3_600_000) }));
    context.settings.searchLagMs = input.lagMs;
    return json(200, { lagMs: context.settings.searchLagMs });
  },
};
