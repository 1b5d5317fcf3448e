/**
 * Turns one record change into the webhook events an app's subscriptions select, in HubSpot's
 * payload shape (reference §2.4): legacy `contact.propertyChange`-style or generic `object.*`
 * with `objectTypeId`. Association changes produce one event per side, as HubSpot sends both.
 */
import { legacyAssociationName, defaultAssociationTypeId } from '../state/association-types';
import { LEGACY_WEBHOOK_TYPES, OBJECT_TYPES, type ObjectType } from '../state/object-types';
import type { RecordChange } from '../state/record-change';
import type { Subscription } from './subscription';

/** One webhook event as delivered (attemptNumber is set per delivery attempt). */
export type WebhookEvent = Record<string, unknown> & { eventId: number; subscriptionId: number };

const CHANGE_FLAG: Partial<Record<RecordChange['kind'], string>> = {
  creation: 'CREATED',
  deletion: 'DELETED',
  merge: 'MERGED',
  restore: 'RESTORED',
};

interface Side {
  objectType: ObjectType;
  fields: Record<string, unknown>;
}

/** The per-side views of a change: one for most changes, two for an association change. */
function sides(change: RecordChange): Side[] {
  const num = (id: string) => Number(id);
  switch (change.kind) {
    case 'propertyChange':
      return [{ objectType: change.objectType, fields: { objectId: num(change.objectId), propertyName: change.propertyName, propertyValue: change.propertyValue } }];
    case 'merge':
      return [{
        objectType: change.objectType,
        fields: {
          objectId: num(change.objectId), changeFlag: 'MERGED', primaryObjectId: num(change.primaryObjectId),
          mergedObjectIds: change.mergedObjectIds.map(num), newObjectId: num(change.newObjectId),
          numberOfPropertiesMoved: change.numberOfPropertiesMoved,
        },
      }];
    case 'associationChange': {
      const side = (from: ObjectType, fromId: string, to: ObjectType, toId: string): Side => ({
        objectType: from,
        fields: {
          associationType: legacyAssociationName(from, to),
          fromObjectId: num(fromId), toObjectId: num(toId),
          associationRemoved: change.associationRemoved, isPrimaryAssociation: change.isPrimaryAssociation,
          fromObjectTypeId: OBJECT_TYPES[from].id, toObjectTypeId: OBJECT_TYPES[to].id,
          associationTypeId: defaultAssociationTypeId(from, to), associationCategory: 'HUBSPOT_DEFINED',
        },
      });
      return [
        side(change.objectType, change.objectId, change.toObjectType, change.toObjectId),
        side(change.toObjectType, change.toObjectId, change.objectType, change.objectId),
      ];
    }
    default:
      return [{ objectType: change.objectType, fields: { objectId: num(change.objectId), changeFlag: CHANGE_FLAG[change.kind] } }];
  }
}

function selects(sub: Subscription, change: RecordChange, objectType: ObjectType): boolean {
  if (!sub.active || sub.objectType !== objectType || sub.event !== change.kind) return false;
  if (sub.format === 'legacy' && !LEGACY_WEBHOOK_TYPES.includes(objectType)) return false;
  // privacyDeletion exists only as the legacy contact event (HubSpot keeps it out of object.*).
  if (change.kind === 'privacyDeletion' && (sub.format !== 'legacy' || objectType !== 'contacts')) return false;
  if (change.kind === 'associationChange') {
    // Legacy association events exist only between the four legacy object types.
    if (sub.format === 'legacy' && !LEGACY_WEBHOOK_TYPES.includes(change.toObjectType)) return false;
  }
  if (change.kind === 'propertyChange') return sub.propertyName === change.propertyName;
  return true;
}

/** Events for one app; `nextEventId` hands out ids (unique per sandbox run). */
export function buildEvents(
  change: RecordChange,
  subscriptions: readonly Subscription[],
  target: { portalId: number; appId: number },
  nextEventId: () => number,
): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const side of sides(change)) {
    for (const sub of subscriptions) {
      if (!selects(sub, change, side.objectType)) continue;
      const legacyFields =
        sub.format === 'legacy' && change.kind === 'associationChange'
          ? (({ fromObjectTypeId: _a, toObjectTypeId: _b, associationTypeId: _c, associationCategory: _d, ...rest }) => rest)(side.fields)
          : side.fields;
      events.push({
        eventId: nextEventId(),
        subscriptionId: sub.id,
        portalId: target.portalId,
        appId: target.appId,
        occurredAt: change.occurredAt,
        subscriptionType: sub.format === 'legacy' ? `${OBJECT_TYPES[side.objectType].singular}.${sub.event}` : `object.${sub.event}`,
        ...(sub.format === 'generic' ? { objectTypeId: OBJECT_TYPES[side.objectType].id } : {}),
        ...legacyFields,
        changeSource: change.changeSource,
        ...(change.sourceId ? { sourceId: change.sourceId } : {}),
      });
    }
  }
  return events;
}
