// /_sandbox/portals: list portals (GET) or add an empty one (POST).
import { z } from 'zod';
import { apiError } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';

export const portalsList: Route = {
  method: 'GET',
  paths: ['/_sandbox/portals'],
  auth: 'control',
  handler: (_request, context) =>
    json(200, {
      results: [...context.state.portals.values()].map((p) => ({
        id: p.id,
        domain: p.domain,
        owners: p.owners,
        counts: Object.fromEntries([...p.records].map(([type, records]) => [type, [...records.values()].filter((r) => !r.archived).length])),
        installedApps: [...context.state.apps.values()].filter((a) => context.state.oauth.installation(p.id, a.appId)).map((a) => a.appId),
      })),
    }),
};

export const portalCreate: Route = {
  method: 'POST',
  paths: ['/_sandbox/portals'],
  auth: 'control',
  handler: (request, context) => {
    const input = parseJsonBody(request, z.object({ id: z.number().int().positive(), domain: z.string().optional() }));
    if (context.state.portal(input.id)) throw apiError(409, 'CONFLICT', `Portal ${input.id} already exists`);
    const portal = context.state.addPortal(input);
    return json(201, { id: portal.id, domain: portal.domain, owners: portal.owners });
  },
};
