// /_sandbox/webhooks: delivery log, duplicate/reorder controls, target URL, and a drain that waits for quiet.
import { z } from 'zod';
import type { Route } from '../../http/router';
import { parseJsonBody } from '../../http/parse-input';
import { json, noContent } from '../../http/sandbox-request';

export const webhookDeliveries: Route = {
  method: 'GET',
  paths: ['/_sandbox/webhooks/deliveries'],
  auth: 'control',
  handler: (_request, context) => json(200, { results: context.dispatcher.deliveries, controls: context.dispatcher.controls }),
};

const controls = z.object({
  duplicate: z.boolean().optional(),
  reorder: z.boolean().optional(),
  timeoutMs: z.number().int().min(1).max(60_000).optional(),
  /** Change the target URL of an app (default: every app). */
  targetUrl: z.url().nullable().optional(),
  clientId: z.string().optional(),
});

export const webhookControls: Route = {
  method: 'PUT',
  paths: ['/_sandbox/webhooks/controls'],
  auth: 'control',
  handler: (request, context) => {
    const input = parseJsonBody(request, controls);
    if (input.duplicate !== undefined) context.dispatcher.controls.duplicate = input.duplicate;
    if (input.reorder !== undefined) context.dispatcher.controls.reorder = input.reorder;
    if (input.timeoutMs !== undefined) context.dispatcher.controls.timeoutMs = input.timeoutMs;
    if (input.targetUrl !== undefined) {
      for (const app of context.state.apps.values()) {
        if (!input.clientId || app.clientId === input.clientId) app.webhookTarget = input.targetUrl;
      }
    }
    return json(200, context.dispatcher.controls);
  },
};

export const webhookDrain: Route = {
  method: 'POST',
  paths: ['/_sandbox/webhooks/drain'],
  auth: 'control',
  handler: async (_request, context) => {
    await context.dispatcher.drain();
    return noContent();
  },
};
