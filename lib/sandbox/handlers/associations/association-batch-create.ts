// POST /crm/v4/associations/{fromType}/{toType}/batch/create (labelled) and …/batch/associate/default: ≤100 links.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { associate } from '../../state/association-writer';
import { checkBatchSize } from '../crm/batch-limit';
import { batchResult } from '../crm/batch-result';
import { associationTypeInput, idSchema, typeRef } from '../crm/schemas';
import { objectScopes, objectTypeParam } from '../crm/object-type-param';
import { defaultLinkResult } from './association-params';

const input = z.object({
  inputs: z.array(z.object({ from: z.object({ id: idSchema }), to: z.object({ id: idSchema }), types: z.array(associationTypeInput).optional() })),
});

export const associationBatchCreate: Route = {
  method: 'POST',
  paths: ['/crm/v4/associations/:fromType/:toType/batch/create', '/crm/v4/associations/:fromType/:toType/batch/associate/default'],
  auth: 'bearer',
  scopes: objectScopes('write', 'fromType'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const fromType = objectTypeParam(request.params, 'fromType');
    const toType = objectTypeParam(request.params, 'toType');
    const body = parseJsonBody(request, input);
    checkBatchSize(body.inputs.length);
    const started = new Date(portal.now()).toISOString();
    const isDefault = request.path.endsWith('/associate/default');
    const results = body.inputs.map((item) => {
      const types = associate(portal, fromType, item.from.id, toType, item.to.id, source,
        isDefault ? undefined : item.types?.map(typeRef));
      return isDefault
        ? types.map((t) => defaultLinkResult(item.from.id, item.to.id, t))
        : [{ fromObjectId: Number(item.from.id), toObjectId: Number(item.to.id), labels: [] }];
    });
    return batchResult(results.flat(), [], started, portal.now(), isDefault ? 200 : 201);
  },
};
