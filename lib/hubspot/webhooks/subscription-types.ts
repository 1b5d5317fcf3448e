/**
 * Which webhook subscription types Waymark stores. Everything about the four CRM objects a
 * contract can be about is stored (creation, property changes, associations, merges, deletions,
 * restores, GDPR deletions); anything else (conversations, products, line items, other generic
 * `object.*` types, unknown future types) is acknowledged with 2xx, logged and not stored, so
 * HubSpot does not retry it.
 */
import { OBJECT_TYPE_IDS } from '../object-types';

const LEGACY_OBJECTS = ['contact', 'company', 'deal', 'ticket'] as const;
const ACTIONS = ['creation', 'deletion', 'merge', 'associationChange', 'restore', 'propertyChange'] as const;

/** Explicit list of classic subscription types we store. */
export const STORED_SUBSCRIPTION_TYPES: ReadonlySet<string> = new Set([
  ...LEGACY_OBJECTS.flatMap((object) => ACTIONS.map((action) => `${object}.${action}`)),
  'contact.privacyDeletion',
]);

/** Generic (`object.*`) types are stored when they concern one of our object type ids. */
const GENERIC_ACTIONS: ReadonlySet<string> = new Set(ACTIONS.map((a) => `object.${a}`));

/** True when an event of this type (and generic object type id) is worth storing. */
export function isStoredSubscription(subscriptionType: string, objectTypeId?: string): boolean {
  if (STORED_SUBSCRIPTION_TYPES.has(subscriptionType)) return true;
  if (GENERIC_ACTIONS.has(subscriptionType)) {
    return objectTypeId !== undefined && (OBJECT_TYPE_IDS as readonly string[]).includes(objectTypeId);
  }
  return false;
}
