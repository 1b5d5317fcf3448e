// POST /crm/v3/objects/{objectType}/batch/create: ≤100 records with inline associations → 201.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { validateProperties } from '../../state/validate-properties';
import { checkBatchSize } from './batch-limit';
import { batchResult } from './batch-result';
import { createWithAssociations } from './create-with-associations';
import { objectScopes, objectTypeParam } from './object-type-param';
import { allPropertyNames, presentRecord } from './present-record';
import { batchCreateInput } from './schemas';

export const batchCreate: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/:objectType/batch/create', '/crm/objects/2026-03/:objectType/batch/create'],
  auth: 'bearer',
  scopes: objectScopes('write'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, batchCreateInput);
    checkBatchSize(input.inputs.length);
    for (const item of input.inputs) validateProperties(portal, type, item.properties, undefined);
    const startedAt = new Date(portal.now()).toISOString();
    const results = input.inputs.map((item) => {
      const record = createWithAssociations(portal, type, item, source);
      return presentRecord(portal, record, { properties: allPropertyNames(record) });
    });
    return batchResult(results, [], startedAt, portal.now(), 201);
  },
};
