/** What changed in a portal: the input to webhook event building (one change → ≥0 events). */
import type { ObjectType } from './object-types';

/** Where a change came from, as HubSpot reports it in `changeSource`/`sourceId`. */
export interface ChangeSource {
  changeSource: string;
  sourceId?: string;
}

/** One CRM change. `occurredAt` is epoch ms from the sandbox clock. */
export type RecordChange = ChangeSource & { occurredAt: number } & (
    | { kind: 'creation'; objectType: ObjectType; objectId: string }
    | { kind: 'propertyChange'; objectType: ObjectType; objectId: string; propertyName: string; propertyValue: string }
    | { kind: 'deletion'; objectType: ObjectType; objectId: string }
    | { kind: 'privacyDeletion'; objectType: ObjectType; objectId: string }
    | { kind: 'restore'; objectType: ObjectType; objectId: string }
    | {
        kind: 'merge';
        objectType: ObjectType;
        objectId: string;
        primaryObjectId: string;
        mergedObjectIds: string[];
        newObjectId: string;
        numberOfPropertiesMoved: number;
      }
    | {
        kind: 'associationChange';
        objectType: ObjectType;
        objectId: string;
        toObjectType: ObjectType;
        toObjectId: string;
        associationRemoved: boolean;
        isPrimaryAssociation: boolean;
      }
  );
