// POST /crm/v3/objects/{objectType}/merge: merge objectIdToMerge into primaryObjectId (merge webhook events).
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { mergeRecords } from '../../state/record-writer';
import { objectScopes, objectTypeParam } from './object-type-param';
import { allPropertyNames, presentRecord } from './present-record';
import { idSchema } from './schemas';

const mergeInput = z.object({ primaryObjectId: idSchema, objectIdToMerge: idSchema });

export const objectMerge: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/:objectType/merge', '/crm/objects/2026-03/:objectType/merge'],
  auth: 'bearer',
  scopes: objectScopes('write'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, mergeInput);
    const merged = mergeRecords(portal, type, input.primaryObjectId, input.objectIdToMerge, source);
    return json(200, presentRecord(portal, merged, { properties: allPropertyNames(merged) }));
  },
};
