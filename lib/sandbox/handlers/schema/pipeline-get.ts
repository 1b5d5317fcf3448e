// GET /crm/v3/pipelines/{objectType}/{pipelineId} (and …/stages, …/stages/{stageId}).
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { json } from '../../http/sandbox-request';
import { objectTypeParam } from '../crm/object-type-param';
import { pipelinesOf } from './pipelines';
import { schemaReadScopes } from './type-scopes';

export const pipelineGet: Route = {
  method: 'GET',
  paths: [
    '/crm/v3/pipelines/:objectType/:pipelineId',
    '/crm/pipelines/2026-03/:objectType/:pipelineId',
    '/crm/v3/pipelines/:objectType/:pipelineId/stages',
    '/crm/pipelines/2026-03/:objectType/:pipelineId/stages',
    '/crm/v3/pipelines/:objectType/:pipelineId/stages/:stageId',
    '/crm/pipelines/2026-03/:objectType/:pipelineId/stages/:stageId',
  ],
  auth: 'bearer',
  scopes: schemaReadScopes,
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const pipeline = pipelinesOf(portal, objectTypeParam(request.params)).find((p) => p.id === request.params.pipelineId);
    if (!pipeline) throw notFound(`Unable to find pipeline ${request.params.pipelineId}`);
    if (!request.path.includes('/stages')) return json(200, pipeline);
    if (request.params.stageId === undefined) return json(200, { results: pipeline.stages });
    const stage = pipeline.stages.find((s) => s.id === request.params.stageId);
    if (!stage) throw notFound(`Unable to find stage ${request.params.stageId} in pipeline ${pipeline.id}`);
    return json(200, stage);
  },
};
