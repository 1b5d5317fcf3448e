// POST /_sandbox/portals/{portalId}/contacts/{contactId}/signals/{signal}: make a demo contact reply, book a meeting, no-show or bounce.
import { z } from 'zod';
import { notFound } from '../../http/hubspot-errors';
import type { Route } from '../../http/router';
import { parseValue } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { SIGNALS, type SignalName } from '../../signals/signal-registry';
import { toPublicObject } from '../../state/crm-record';
import { allPropertyNames } from '../crm/present-record';
import { controlPortal } from './control-portal';

export const signalTrigger: Route = {
  method: 'POST',
  paths: ['/_sandbox/portals/:portalId/contacts/:contactId/signals/:signal'],
  auth: 'control',
  writes: true,
  handler: (request, context) => {
    const portal = controlPortal(context, request.params);
    const name = request.params.signal ?? '';
    if (!(name in SIGNALS)) throw notFound(`Unknown signal "${name}"; use one of ${Object.keys(SIGNALS).join(', ')}`);
    const options = parseValue(request.rawBody.trim() ? safeJson(request.rawBody) : {}, z.record(z.string(), z.unknown()));
    const record = SIGNALS[name as SignalName](portal, request.params.contactId ?? '', options);
    return json(200, { signal: name, object: { objectType: record.objectType, ...toPublicObject(record, allPropertyNames(record)) } });
  },
};

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
