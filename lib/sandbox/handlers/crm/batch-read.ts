// POST /crm/v3/objects/{objectType}/batch/read: ≤100 ids (or idProperty values) → 200, or 207 listing the missing ones.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { OBJECT_TYPES } from '../../state/object-types';
import { checkBatchSize } from './batch-limit';
import { batchResult, notFoundErrors } from './batch-result';
import { findRecord } from './find-record';
import { objectScopes, objectTypeParam, selectedProperties } from './object-type-param';
import { presentRecord } from './present-record';
import { batchReadInput } from './schemas';

export const batchRead: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/:objectType/batch/read', '/crm/objects/2026-03/:objectType/batch/read'],
  auth: 'bearer',
  scopes: objectScopes('read'),
  handler: (request, context) => {
    const { portal } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, batchReadInput);
    checkBatchSize(input.inputs.length);
    const startedAt = new Date(portal.now()).toISOString();
    const archived = request.query.get('archived') === 'true';
    const properties = selectedProperties(type, input.properties);
    const results = [];
    const missing: string[] = [];
    for (const { id } of input.inputs) {
      const record = findRecord(portal, type, id, { idProperty: input.idProperty, archived });
      if (record) results.push(presentRecord(portal, record, { properties, withHistory: input.propertiesWithHistory }));
      else missing.push(id);
    }
    const kind = OBJECT_TYPES[type].singular.toUpperCase();
    const errors = notFoundErrors(missing, `Could not get some ${kind} objects, they may be deleted or not exist. Check that ids are valid.`, 'ids');
    return batchResult(results, errors, startedAt, portal.now());
  },
};

