// POST /crm/v4/associations/{fromType}/{toType}/batch/archive: remove links `{from:{id}, to:[{id}]}` → 204.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { noContent } from '../../http/sandbox-request';
import { disassociate } from '../../state/association-writer';
import { checkBatchSize } from '../crm/batch-limit';
import { idSchema } from '../crm/schemas';
import { objectScopes, objectTypeParam } from '../crm/object-type-param';

export const associationBatchArchive: Route = {
  method: 'POST',
  paths: ['/crm/v4/associations/:fromType/:toType/batch/archive'],
  auth: 'bearer',
  scopes: objectScopes('write', 'fromType'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const fromType = objectTypeParam(request.params, 'fromType');
    const toType = objectTypeParam(request.params, 'toType');
    const body = parseJsonBody(request, z.object({ inputs: z.array(z.object({ from: z.object({ id: idSchema }), to: z.array(z.object({ id: idSchema })) })) }));
    checkBatchSize(body.inputs.length);
    for (const item of body.inputs) {
      for (const to of item.to) disassociate(portal, fromType, item.from.id, toType, to.id, source);
    }
    return noContent();
  },
};
