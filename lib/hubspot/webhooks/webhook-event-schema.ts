/**
 * The body HubSpot POSTs to the webhook URL: a JSON array of at most 100 events (reference
 * §2.3–2.4). Only the fields Waymark needs to store and route an event are required; the rest
 * is kept as-is in the stored raw payload.
 */
import { z } from 'zod';

/** HubSpot sends ids as JSON numbers; accept decimal strings too, and keep them as bigint. */
const numericId = z
  .union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,19}$/)])
  .transform((v) => BigInt(v));

export const webhookEventSchema = z
  .object({
    eventId: numericId,
    portalId: numericId,
    subscriptionType: z.string().min(1).max(100),
    occurredAt: z.number().int().nonnegative(),
    attemptNumber: z.number().int().nonnegative().default(0),
    objectId: numericId.optional(),
    objectTypeId: z.string().max(20).optional(),
  })
  .loose();

export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** Most events HubSpot puts in one request. */
export const MAX_EVENTS_PER_DELIVERY = 100;

export const webhookBodySchema = z
  .array(z.unknown())
  .max(MAX_EVENTS_PER_DELIVERY, `a delivery carries at most ${MAX_EVENTS_PER_DELIVERY} events`);
