// POST /crm/v4/associations/{fromType}/{toType}/batch/read: ≤100 from-ids → their links (207 for unknown ids).
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { liveLinks, recordsOf } from '../../state/portal';
import { checkBatchSize } from '../crm/batch-limit';
import { batchResult, notFoundErrors } from '../crm/batch-result';
import { idSchema } from '../crm/schemas';
import { objectScopes, objectTypeParam } from '../crm/object-type-param';
import { presentType } from './association-params';

export const associationBatchRead: Route = {
  method: 'POST',
  paths: ['/crm/v4/associations/:fromType/:toType/batch/read'],
  auth: 'bearer',
  scopes: objectScopes('read', 'fromType'),
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const fromType = objectTypeParam(request.params, 'fromType');
    const toType = objectTypeParam(request.params, 'toType');
    const input = parseJsonBody(request, z.object({ inputs: z.array(z.object({ id: idSchema, after: z.string().optional() })) }));
    checkBatchSize(input.inputs.length);
    const started = new Date(portal.now()).toISOString();
    const results = [];
    const missing: string[] = [];
    for (const { id } of input.inputs) {
      const record = recordsOf(portal, fromType).get(id);
      if (!record || record.archived) {
        missing.push(id);
        continue;
      }
      const links = liveLinks(portal, fromType, id, toType);
      results.push({ from: { id }, to: links.map((l) => ({ toObjectId: Number(l.toId), associationTypes: l.types.map(presentType) })) });
    }
    return batchResult(results, notFoundErrors(missing, `No ${fromType} found for ids`, 'fromObjectId'), started, portal.now());
  },
};
