// POST /crm/v3/objects/{objectType}/batch/archive: ≤100 ids → 204.
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { noContent } from '../../http/sandbox-request';
import { archiveRecord } from '../../state/record-writer';
import { checkBatchSize } from './batch-limit';
import { objectScopes, objectTypeParam } from './object-type-param';
import { batchArchiveInput } from './schemas';

export const batchArchive: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/:objectType/batch/archive', '/crm/objects/2026-03/:objectType/batch/archive'],
  auth: 'bearer',
  scopes: objectScopes('write'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, batchArchiveInput);
    checkBatchSize(input.inputs.length);
    for (const { id } of input.inputs) archiveRecord(portal, type, id, source);
    return noContent();
  },
};
