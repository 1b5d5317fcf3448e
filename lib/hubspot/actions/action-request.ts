/**
 * The body HubSpot POSTs to a custom action's `actionUrl` (one per enrolled record), as far as
 * Waymark reads it: `callbackId`, `origin.portalId`, `context.workflowId`, `object` and the
 * action's `inputFields`. Other members pass through (HubSpot adds fields over time).
 */
import { z } from 'zod';
import { int64IdOrNumber } from '../../schema/int64-id';
import { safeString } from '../../schema/safe-string';
import { objectTypeFromName } from '../object-types';

const text = (max: number) => safeString(z.string().max(max));

export const actionRequestSchema = z.looseObject({
  callbackId: safeString(z.string().min(1).max(200)),
  origin: z.looseObject({ portalId: int64IdOrNumber(), actionDefinitionId: int64IdOrNumber().optional() }),
  context: z.looseObject({ workflowId: int64IdOrNumber().optional(), source: text(50).optional() }).optional(),
  object: z.looseObject({
    objectId: int64IdOrNumber(),
    objectType: text(40).transform((name, ctx) => {
      const type = objectTypeFromName(name);
      if (!type) ctx.addIssue({ code: 'custom', message: 'must be CONTACT, COMPANY, DEAL or TICKET' });
      return type ?? 'contact';
    }),
  }),
  // Inputs arrive as strings (STATIC_VALUE); an empty optional input may be absent or "".
  inputFields: z.record(text(200), z.union([text(2000), z.number(), z.boolean(), z.null()])).default({}),
});

export type ActionRequest = z.infer<typeof actionRequestSchema>;

/** An input field as trimmed text, or undefined when absent or empty. */
export function inputText(request: ActionRequest, name: string): string | undefined {
  const value = request.inputFields[name];
  if (value === undefined || value === null) return undefined;
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}
