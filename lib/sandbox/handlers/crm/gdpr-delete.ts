// POST /crm/v3/objects/contacts/gdpr-delete: permanently delete a contact (by id or idProperty=email) → 204; sends privacyDeletion + deletion webhooks.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { noContent } from '../../http/sandbox-request';
import { gdprDeleteRecord } from '../../state/record-writer';
import { requireFound } from './find-record';
import { idSchema } from './schemas';

export const gdprDelete: Route = {
  method: 'POST',
  paths: ['/crm/v3/objects/contacts/gdpr-delete', '/crm/objects/2026-03/contacts/gdpr-delete'],
  auth: 'bearer',
  scopes: ['crm.objects.contacts.write'],
  writes: true,
  handler: (request, context) => {
    const { portal, source } = callerPortal(context);
    const input = parseJsonBody(request, z.object({ objectId: idSchema, idProperty: z.string().optional() }));
    const record = requireFound(portal, 'contacts', input.objectId, { idProperty: input.idProperty });
    gdprDeleteRecord(portal, 'contacts', record.id, source);
    return noContent();
  },
};
