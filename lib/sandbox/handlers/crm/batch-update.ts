// POST /crm/v3/objects/{objectType}/batch/update: ≤100 updates; bad values fail the whole batch (400), missing ids → 207.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { OBJECT_TYPES } from '../../state/object-types';
import { updateRecord } from '../../state/record-writer';
import { validateProperties } from '../../state/validate-properties';
import { checkBatchSize, checkDuplicateIds } from './batch-limit';
import { batchResult, notFoundErrors } from './batch-result';
import { findRecord } from './find-record';
import { objectScopes, objectTypeParam } from './object-type-param';
import { allPropertyNames, presentRecord } from './present-record';
import { batchUpdateInput } from './schemas';

export const batchUpdate: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/:objectType/batch/update', '/crm/objects/2026-03/:objectType/batch/update'],
  auth: 'bearer',
  scopes: objectScopes('write'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, batchUpdateInput);
    checkBatchSize(input.inputs.length);
    checkDuplicateIds(input.inputs.map((i) => i.id));
    const startedAt = new Date(portal.now()).toISOString();
    const targets = input.inputs.map((item) => ({ item, record: findRecord(portal, type, item.id, { idProperty: item.idProperty }) }));
    // Validate every value before writing anything, so a bad value leaves the batch unapplied.
    for (const { item, record } of targets) if (record) validateProperties(portal, type, item.properties, record);
    const results = [];
    const missing: string[] = [];
    for (const { item, record } of targets) {
      if (!record) {
        missing.push(item.id);
        continue;
      }
      const updated = updateRecord(portal, type, record.id, item.properties, source);
      results.push(presentRecord(portal, updated, { properties: allPropertyNames(updated) }));
    }
    const kind = OBJECT_TYPES[type].singular.toUpperCase();
    const errors = notFoundErrors(missing, `Could not update some ${kind} objects, they may be deleted or not exist. Check that ids are valid.`, 'ids');
    return batchResult(results, errors, startedAt, portal.now());
  },
};
