/**
 * From HubSpot webhook events to per-record signals. Pure: the previous state of each record
 * (values and per-property versions from the state store) comes in, the signals and the next
 * state go out; the shell persists both.
 *
 * HubSpot does not promise order or uniqueness (reference §2.3), so every change is versioned
 * by its `occurredAt`: a property event older than the value held is ignored, and a second copy
 * of an event changes nothing (the value is already held). Two changes of one property in the
 * same millisecond (HubSpot writes several in one operation) both count, in event-id order, as
 * the runtime's record-state merge does. Deletion, restore and merge share one lifecycle
 * version, so a late deletion cannot undo a later restore. Applying the same batch twice, or in
 * any order, yields the same final state and never a second signal.
 *
 * Named events (HubSpot sends no "replied" or "meeting booked" webhook; it updates contact
 * properties, which Waymark subscribes to; registry in named-events.ts):
 *
 * | event            | HubSpot property (label)                                              | counts when |
 * |------------------|-----------------------------------------------------------------------|-------------|
 * | `replied`        | `hs_sales_email_last_replied` (Recent Sales Email Replied Date)         | set, or moved to a later date |
 * | `replied`        | `hs_email_last_reply_date` (Last marketing email reply date)            | set, or moved to a later date |
 * | `meeting_booked` | `engagements_last_meeting_booked` (Date of last meeting booked in meetings tool) | set, or moved to a later date |
 * | `email_bounced`  | `hs_email_hard_bounce_reason_enum` (Email hard bounce reason)           | set to a (different) non-empty reason |
 * | `email_bounced`  | `hs_email_bounce` (Marketing emails bounced)                            | the count went up |
 *
 * Not mapped on purpose: `hs_latest_meeting_activity` (it also moves when a past or no-show
 * meeting is logged) and a meeting associated with the contact (the association event does not
 * say whether the meeting was booked, held or missed).
 */
import { associationTarget, eventKind, hubspotWebhookEventSchema, type HubSpotWebhookEvent } from './hubspot-webhook-event';
import { namedEventsFor } from './named-events';
import type { Signal } from './types';
import { ownValue } from './own-value';

/** What the state store holds for one record (the `record_states` row). */
export interface RecordVersionState {
  properties: Record<string, string | null>;
  /** `occurredAt` (epoch ms) of each value held; keys starting with `@` version lifecycle and associations. */
  versions: Record<string, number>;
  deleted: boolean;
  mergedInto: string | null;
}

/** The signals, the next state of each touched record, and the events that changed nothing. */
export interface DeriveResult {
  signals: Signal[];
  /** Keyed by {@link recordKey}. */
  states: Record<string, RecordVersionState>;
  ignored: { eventId: string; reason: string }[];
}

/** The key of a record in `previous` and `states`. */
export function recordKey(objectType: string, recordId: string): string {
  return `${objectType}:${recordId}`;
}

const LIFECYCLE = '@lifecycle';
const CREATED = '@created';

/** Derives signals from a batch of raw webhook events (see the module header). */
export function deriveSignals(
  rawEvents: readonly unknown[],
  previous: Readonly<Record<string, RecordVersionState | undefined>>,
): DeriveResult {
  const ignored: DeriveResult['ignored'] = [];
  const events: HubSpotWebhookEvent[] = [];
  for (const raw of rawEvents) {
    const parsed = hubspotWebhookEventSchema.safeParse(raw);
    if (parsed.success) events.push(parsed.data);
    else ignored.push({ eventId: String((raw as { eventId?: unknown })?.eventId ?? '?'), reason: `not a HubSpot webhook event: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
  }
  events.sort((a, b) => a.occurredAt - b.occurredAt || Number(a.eventId) - Number(b.eventId));

  const states: Record<string, RecordVersionState> = {};
  const stateOf = (objectType: string, recordId: string): RecordVersionState => {
    const key = recordKey(objectType, recordId);
    const prior = previous[key];
    states[key] ??= {
      properties: { ...prior?.properties },
      versions: { ...prior?.versions },
      deleted: prior?.deleted ?? false,
      mergedInto: prior?.mergedInto ?? null,
    };
    return states[key];
  };
  const signals: Signal[] = [];
  for (const event of events) {
    const reason = applyEvent(event, stateOf, signals);
    if (reason) ignored.push({ eventId: event.eventId, reason });
  }
  return { signals, states, ignored };
}

type StateOf = (objectType: string, recordId: string) => RecordVersionState;

/** Applies one event; returns why it changed nothing, or undefined. */
function applyEvent(event: HubSpotWebhookEvent, stateOf: StateOf, out: Signal[]): string | undefined {
  const { objectType, action } = eventKind(event);
  const at = event.occurredAt;
  const base = (recordId: string) => ({ objectType, recordId, occurredAt: new Date(at), eventIds: [event.eventId] });
  const newer = (state: RecordVersionState, key: string) => (state.versions[key] ?? -1) < at;

  if (action === 'associationChange') {
    const recordId = event.fromObjectId ?? event.objectId;
    const toObject = associationTarget(event);
    if (!recordId || !toObject || !event.toObjectId) return 'association event without both sides';
    const state = stateOf(objectType, recordId);
    const key = `@assoc:${toObject}:${event.toObjectId}`;
    if (!newer(state, key)) return 'duplicate or older association event';
    state.versions[key] = at;
    out.push({ ...base(recordId), kind: 'association_changed', toObject, toObjectId: event.toObjectId, removed: event.associationRemoved ?? false });
    return undefined;
  }
  if (action === 'merge') return applyMerge(event, objectType, stateOf, out);

  const recordId = event.objectId;
  if (!recordId) return 'event without objectId';
  const state = stateOf(objectType, recordId);
  switch (action) {
    case 'propertyChange': {
      const property = event.propertyName;
      if (!property) return 'property change without propertyName';
      if ((ownValue(state.versions, property) ?? -1) > at) return `older than the ${property} value held`;
      const to = event.propertyValue ?? null;
      const known = Object.hasOwn(state.properties, property);
      const from = known ? (state.properties[property] ?? null) : undefined;
      state.versions[property] = at;
      state.properties[property] = to;
      if (known && from === to) return `${property} already holds this value`;
      out.push({ ...base(recordId), kind: 'property_changed', property, ...(known ? { from } : {}), to });
      for (const rule of namedEventsFor(property, from, to)) out.push({ ...base(recordId), kind: 'event', name: rule.event });
      return undefined;
    }
    case 'creation':
      if (state.versions[CREATED] !== undefined) return 'creation already seen';
      state.versions[CREATED] = at;
      out.push({ ...base(recordId), kind: 'created' });
      return undefined;
    case 'deletion':
    case 'privacyDeletion':
      if (!newer(state, LIFECYCLE)) return 'older than the lifecycle change held';
      state.versions[LIFECYCLE] = at;
      if (state.deleted) return 'already deleted';
      state.deleted = true;
      out.push({ ...base(recordId), kind: 'deleted' });
      return undefined;
    case 'restore':
      if (!newer(state, LIFECYCLE)) return 'older than the lifecycle change held';
      state.versions[LIFECYCLE] = at;
      if (!state.deleted && state.mergedInto === null) return 'not deleted';
      state.deleted = false;
      state.mergedInto = null;
      out.push({ ...base(recordId), kind: 'restored' });
      return undefined;
    default:
      return `event type ${event.subscriptionType} carries no record signal`;
  }
}

/** Every record merged away (all ids but the surviving one) gets a `merged` signal. */
function applyMerge(event: HubSpotWebhookEvent, objectType: string, stateOf: StateOf, out: Signal[]): string | undefined {
  const into = event.newObjectId ?? event.primaryObjectId;
  if (!into) return 'merge without a surviving record';
  const gone = new Set([event.primaryObjectId, ...(event.mergedObjectIds ?? []), event.objectId]);
  gone.delete(into);
  gone.delete(undefined);
  let any = false;
  for (const recordId of gone) {
    if (!recordId) continue;
    const state = stateOf(objectType, recordId);
    if ((state.versions[LIFECYCLE] ?? -1) >= event.occurredAt) continue;
    state.versions[LIFECYCLE] = event.occurredAt;
    if (state.mergedInto === into) continue;
    state.mergedInto = into;
    any = true;
    out.push({ objectType, recordId, occurredAt: new Date(event.occurredAt), eventIds: [event.eventId], kind: 'merged', into });
  }
  return any ? undefined : 'merge already applied';
}
