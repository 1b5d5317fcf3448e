/**
 * The body HubSpot POSTs to the webhook URL: a JSON array of at most 100 events (reference
 * §2.3–2.4). Only the fields Waymark needs to store and route an event are required; the rest
 * is kept as-is in the stored raw payload, after a check that PostgreSQL can store all of it.
 *
 * Every field is bounded by what its column holds (issue 9): ids are int64 (`int64IdOrNumber`),
 * `occurredAt` is a date up to the year 9999, `attemptNumber` fits `integer`, and text holds no
 * NUL or lone surrogate (`safeString`). An event outside these bounds is skipped with the reason
 * (read-webhook-event.ts); the rest of its batch is stored.
 */
import { z } from 'zod';
import { int64IdOrNumber } from '../../schema/int64-id';
import { safeString } from '../../schema/safe-string';

/** HubSpot sends ids as JSON numbers; decimal strings are accepted too. Kept as bigint. */
const numericId = int64IdOrNumber().transform((v) => BigInt(v));
/** Last millisecond of 9999-12-31 UTC: later "times" are garbage, and no column should hold them. */
export const MAX_OCCURRED_AT = Date.UTC(9999, 11, 31, 23, 59, 59, 999);
const INT32_MAX = 2_147_483_647;

export const webhookEventSchema = z
  .object({
    eventId: numericId,
    portalId: numericId,
    subscriptionType: safeString(z.string().min(1).max(100)),
    occurredAt: z.number().int().nonnegative().max(MAX_OCCURRED_AT, 'must be epoch milliseconds up to the year 9999'),
    attemptNumber: z.number().int().nonnegative().max(INT32_MAX).default(0),
    objectId: numericId.optional(),
    objectTypeId: safeString(z.string().max(20)).optional(),
    propertyName: safeString(z.string().max(500)).optional(),
    primaryObjectId: int64IdOrNumber().optional(),
    mergedObjectIds: z.array(int64IdOrNumber()).max(1000).optional(),
    newObjectId: int64IdOrNumber().optional(),
    fromObjectId: int64IdOrNumber().optional(),
    toObjectId: int64IdOrNumber().optional(),
  })
  .loose();

export type WebhookEvent = z.infer<typeof webhookEventSchema>;

/** Most events HubSpot puts in one request. */
export const MAX_EVENTS_PER_DELIVERY = 100;

export const webhookBodySchema = z
  .array(z.unknown())
  .max(MAX_EVENTS_PER_DELIVERY, `a delivery carries at most ${MAX_EVENTS_PER_DELIVERY} events`);
