// GET /crm/v3/pipelines/{objectType}: pipelines with their stages in display order.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { objectTypeParam } from '../crm/object-type-param';
import { pipelinesOf } from './pipelines';
import { schemaReadScopes } from './type-scopes';

export const pipelinesList: Route = {
  method: 'GET',
  paths: ['/crm/v3/pipelines/:objectType', '/crm/pipelines/2026-03/:objectType'],
  auth: 'bearer',
  scopes: schemaReadScopes,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const results = pipelinesOf(portal, objectTypeParam(request.params)).filter((p) => !p.archived);
    return json(200, { results });
  },
};
