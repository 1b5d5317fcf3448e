/**
 * One event of a signed delivery: either an event to store, or the reason it is skipped (the
 * field and what is wrong with it, plus its portal and event id where those are readable), so
 * one bad event never costs the rest of its batch. Pure.
 */
import { int64IdOrNumber } from '../../schema/int64-id';
import { MAX_JSON_DEPTH, nestsDeeperThan, truncatedJson } from '../../schema/json-depth';
import { escapeUnsafeText, findUnsafeText, formatPath } from '../../schema/safe-string';
import { webhookEventSchema, type WebhookEvent } from './webhook-event-schema';

export type ReadWebhookEvent =
  | { ok: true; event: WebhookEvent; payload: Record<string, unknown> }
  | { ok: false; field: string; reason: string; portalId: bigint | null; eventId: bigint | null; raw: string };

const readableId = int64IdOrNumber();

function idOf(item: unknown, key: string): bigint | null {
  if (item === null || typeof item !== 'object') return null;
  const parsed = readableId.safeParse((item as Record<string, unknown>)[key]);
  return parsed.success ? BigInt(parsed.data) : null;
}

const fieldName = (path: (string | number)[]) => (path.length === 0 ? 'event' : formatPath(path));

export function readWebhookEvent(item: unknown): ReadWebhookEvent {
  const skip = (field: string, reason: string): ReadWebhookEvent => ({
    ok: false,
    // A refused key may itself hold the NUL; the stored name shows it escaped.
    field: escapeUnsafeText(field),
    reason: escapeUnsafeText(reason),
    portalId: idOf(item, 'portalId'),
    eventId: idOf(item, 'eventId'),
    // JSON.stringify escapes NUL and lone surrogates, so the text is storable whatever the event held
    // (past 64 levels the value is cut, so an absurdly deep one is kept too).
    raw: truncatedJson(item),
  });
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return skip('event', 'must be a JSON object');
  // PostgreSQL's jsonb parser (and recursive readers) refuse very deep values; HubSpot's are flat.
  if (nestsDeeperThan(item)) return skip('event', `nests more than ${MAX_JSON_DEPTH} levels deep`);
  const parsed = webhookEventSchema.safeParse(item);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return skip(fieldName((issue?.path ?? []) as (string | number)[]), issue?.message ?? 'is not valid');
  }
  const unsafe = findUnsafeText(item);
  if (unsafe) return skip(fieldName(unsafe.path), unsafe.reason);
  return { ok: true, event: parsed.data, payload: item as Record<string, unknown> };
}
