/**
 * The HubSpot webhook event shape the engine reads (reference §2.4), parsed with zod because it
 * arrives from outside. Both formats are accepted: legacy (`contact.propertyChange`) and generic
 * (`object.propertyChange` with `objectTypeId`). Unknown extra fields pass through untouched.
 * Ids arrive as numbers; they are kept as decimal strings so large ids never lose precision.
 */
import { z } from 'zod';

const id = z.union([z.number(), z.string().regex(/^\d+$/)]).transform((value) => String(value));

/** One webhook event as HubSpot delivers it (only the fields the engine reads are required). */
export const hubspotWebhookEventSchema = z.looseObject({
  eventId: id,
  subscriptionType: z.string().min(1),
  occurredAt: z.number().int().nonnegative(),
  objectId: id.optional(),
  objectTypeId: z.string().optional(),
  propertyName: z.string().optional(),
  propertyValue: z.string().nullable().optional(),
  primaryObjectId: id.optional(),
  mergedObjectIds: z.array(id).optional(),
  newObjectId: id.optional(),
  associationType: z.string().optional(),
  fromObjectId: id.optional(),
  toObjectId: id.optional(),
  fromObjectTypeId: z.string().optional(),
  toObjectTypeId: z.string().optional(),
  associationRemoved: z.boolean().optional(),
});
/** One parsed webhook event. */
export type HubSpotWebhookEvent = z.infer<typeof hubspotWebhookEventSchema>;

/** HubSpot object type ids (`0-1`) to the names contracts use. */
const TYPE_IDS: Record<string, string> = {
  '0-1': 'contact',
  '0-2': 'company',
  '0-3': 'deal',
  '0-5': 'ticket',
  '0-27': 'task',
  '0-46': 'note',
  '0-47': 'meeting',
  '0-48': 'call',
  '0-49': 'email',
};

/** The object type name for a type id, or the id itself when it is not a standard object. */
export function objectTypeName(typeId: string): string {
  return TYPE_IDS[typeId] ?? typeId;
}

/** What an event is about: its object type and action (`propertyChange`, `creation` …). */
export function eventKind(event: HubSpotWebhookEvent): { objectType: string; action: string } {
  const [prefix = '', action = ''] = event.subscriptionType.split('.');
  if (prefix === 'object') {
    const typeId = event.objectTypeId ?? event.fromObjectTypeId ?? '';
    return { objectType: objectTypeName(typeId), action };
  }
  return { objectType: prefix, action };
}

/** The other side of an association event (`CONTACT_TO_DEAL` → `deal`, or from its type id). */
export function associationTarget(event: HubSpotWebhookEvent): string | undefined {
  if (event.toObjectTypeId) return objectTypeName(event.toObjectTypeId);
  const match = /_TO_([A-Z_]+)$/.exec(event.associationType ?? '');
  return match?.[1]?.toLowerCase();
}
