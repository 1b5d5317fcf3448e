// PUT /crm/v4/objects/{fromType}/{fromId}/associations/{toType}/{toId}: labelled association (body: types) → 201.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { associate } from '../../state/association-writer';
import { isPrimaryTypeId } from '../../state/association-types';
import { OBJECT_TYPES } from '../../state/object-types';
import { associationTypeInput, typeRef } from '../crm/schemas';
import { objectScopes, objectTypeParam } from '../crm/object-type-param';

export const associationCreate: Route = {
  method: 'PUT',
  paths: ['/crm/v4/objects/:fromType/:fromId/associations/:toType/:toId'],
  auth: 'bearer',
  scopes: objectScopes('write', 'fromType'),
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const fromType = objectTypeParam(request.params, 'fromType');
    const toType = objectTypeParam(request.params, 'toType');
    const fromId = request.params.fromId ?? '';
    const toId = request.params.toId ?? '';
    const input = parseJsonBody(request, z.array(associationTypeInput).min(1));
    const types = associate(portal, fromType, fromId, toType, toId, source,
      input.map(typeRef));
    return json(201, {
      fromObjectTypeId: OBJECT_TYPES[fromType].id, fromObjectId: Number(fromId),
      toObjectTypeId: OBJECT_TYPES[toType].id, toObjectId: Number(toId),
      labels: types.filter((t) => isPrimaryTypeId(t.typeId)).map(() => 'Primary'),
    });
  },
};
