// /_sandbox/portals/{portalId}/objects/{objectType}/{objectId}: read a record in full, change it as a HubSpot user would, restore it, or make its emails fail.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { parseJsonBody } from '../../http/parse-input';
import { json, noContent } from '../../http/sandbox-request';
import { toPublicObject } from '../../state/crm-record';
import { OBJECT_TYPES, type ObjectType } from '../../state/object-types';
import { recordsOf } from '../../state/portal';
import { requireRecord, restoreRecord, updateRecord } from '../../state/record-writer';
import { objectTypeParam } from '../crm/object-type-param';
import { propertyValues } from '../crm/schemas';
import { allPropertyNames } from '../crm/present-record';
import { controlPortal } from './control-portal';

const USER = { changeSource: 'CRM_UI', system: true };

export const recordInspect: Route = {
  method: 'GET',
  paths: ['/_sandbox/portals/:portalId/objects/:objectType/:objectId'],
  auth: 'control',
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const type = objectTypeParam(request.params);
    const record = recordsOf(portal, type).get(request.params.objectId ?? '') ?? requireRecord(portal, type, request.params.objectId ?? '');
    const associations: Record<string, unknown> = {};
    for (const toType of Object.keys(OBJECT_TYPES) as ObjectType[]) {
      const links = portal.associations.list(type, record.id, toType);
      if (links.length > 0) associations[toType] = links;
    }
    return json(200, { ...toPublicObject(record, allPropertyNames(record), allPropertyNames(record)), associations });
  },
};

export const recordUserEdit: Route = {
  method: 'PATCH',
  paths: ['/_sandbox/portals/:portalId/objects/:objectType/:objectId'],
  auth: 'control',
  writes: true,
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const type = objectTypeParam(request.params);
    const input = parseJsonBody(request, z.object({ properties: propertyValues }));
    const record = updateRecord(portal, type, request.params.objectId ?? '', input.properties, USER);
    return json(200, toPublicObject(record, allPropertyNames(record)));
  },
};

export const recordRestore: Route = {
  method: 'POST',
  paths: ['/_sandbox/portals/:portalId/objects/:objectType/:objectId/restore'],
  auth: 'control',
  writes: true,
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const record = restoreRecord(portal, objectTypeParam(request.params), request.params.objectId ?? '', USER);
    return json(200, toPublicObject(record, allPropertyNames(record)));
  },
};

export const emailFailureSet: Route = {
  method: 'PUT',
  paths: ['/_sandbox/portals/:portalId/contacts/:contactId/email-failure'],
  auth: 'control',
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const contact = requireRecord(portal, 'contacts', request.params.contactId ?? '');
    const input = parseJsonBody(request, z.object({ sendResult: z.string().regex(/^[A-Z_]+$/).default('PREVIOUSLY_BOUNCED') }));
    portal.emailFailures.set(contact.id, input.sendResult);
    return json(200, { contactId: contact.id, sendResult: input.sendResult });
  },
};

export const emailFailureClear: Route = {
  method: 'DELETE',
  paths: ['/_sandbox/portals/:portalId/contacts/:contactId/email-failure'],
  auth: 'control',
  handler: (request, context) => {
    controlPortal(context, request.params).emailFailures.delete(request.params.contactId ?? '');
    return noContent();
  },
};
