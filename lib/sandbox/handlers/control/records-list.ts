// GET /_sandbox/portals/{portalId}/objects/{objectType}: the portal's live records of one type with every property, in id order (the demo's contact list).
import type { Route } from '../../http/router';
import { json } from '../../http/sandbox-request';
import { toPublicObject } from '../../state/crm-record';
import { recordsOf } from '../../state/portal';
import { objectTypeParam } from '../crm/object-type-param';
import { allPropertyNames } from '../crm/present-record';
import { controlPortal } from './control-portal';

export const recordsList: Route = {
  method: 'GET',
  paths: ['/_sandbox/portals/:portalId/objects/:objectType'],
  auth: 'control',
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const records = [...recordsOf(portal, objectTypeParam(request.params)).values()]
      .filter((record) => !record.archived)
      .sort((a, b) => Number(a.id) - Number(b.id));
    return json(200, { results: records.map((record) => toPublicObject(record, allPropertyNames(record))) });
  },
};
