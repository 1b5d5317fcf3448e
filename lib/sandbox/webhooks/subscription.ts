/** A webhook subscription of an app (legacy `contact.propertyChange` style or generic `object.*`). */
import type { ObjectType } from '../state/object-types';

/** Event families HubSpot delivers. */
export type EventKind = 'creation' | 'deletion' | 'privacyDeletion' | 'merge' | 'restore' | 'propertyChange' | 'associationChange';

export interface Subscription {
  id: number;
  /** `legacy` → `subscriptionType: "contact.creation"`; `generic` → `"object.creation"` plus `objectTypeId`. */
  format: 'legacy' | 'generic';
  objectType: ObjectType;
  event: EventKind;
  /** Required for propertyChange: only changes of this property are delivered. */
  propertyName?: string;
  active: boolean;
}
