/** Creating and removing associations, with HubSpot's checks and change notifications. */
import { validationError } from '../http/hubspot-errors';
import type { AssociationTypeRef } from './association-store';
import { defaultAssociationTypeId, isPrimaryTypeId, typeIdConnects } from './association-types';
import type { ObjectType } from './object-types';
import type { Portal } from './portal';
import { requireRecord, type WriteOptions } from './record-writer';

/** Links two records. Omitted `types` means the default (unlabelled) association. */
export function associate(
  portal: Portal,
  fromType: ObjectType,
  fromId: string,
  toType: ObjectType,
  toId: string,
  options: WriteOptions,
  types?: readonly AssociationTypeRef[],
): AssociationTypeRef[] {
  requireRecord(portal, fromType, fromId);
  requireRecord(portal, toType, toId);
  const defaultId = defaultAssociationTypeId(fromType, toType);
  const wanted: AssociationTypeRef[] = types?.length
    ? [...types]
    : defaultId !== undefined
      ? [{ category: 'HUBSPOT_DEFINED', typeId: defaultId }]
      : [];
  if (wanted.length === 0) throw validationError(`${fromType} cannot be associated with ${toType}`);
  for (const type of wanted) {
    if (type.category === 'HUBSPOT_DEFINED' && !typeIdConnects(fromType, toType, type.typeId)) {
      throw validationError(`association type id ${type.typeId} doesn't exist between ${fromType} and ${toType}`, {
        subCategory: 'crm.associations.INVALID_OBJECT_TYPE_IDS',
      });
    }
  }
  // A primary label always comes with the unlabelled association too, as in HubSpot.
  if (defaultId !== undefined && wanted.some((t) => isPrimaryTypeId(t.typeId)) && !wanted.some((t) => t.typeId === defaultId)) {
    wanted.push({ category: 'HUBSPOT_DEFINED', typeId: defaultId });
  }
  const isNew = portal.associations.add(fromType, fromId, toType, toId, wanted);
  if (isNew && !options.silent) {
    portal.onChange(portal, {
      kind: 'associationChange', objectType: fromType, objectId: fromId, toObjectType: toType, toObjectId: toId,
      associationRemoved: false, isPrimaryAssociation: wanted.some((t) => isPrimaryTypeId(t.typeId)),
      occurredAt: portal.now(), changeSource: options.changeSource, sourceId: options.sourceId,
    });
  }
  return portal.associations.types(fromType, fromId, toType, toId);
}

/** Removes every association between two records (v4 `DELETE`); 204 whether or not one existed. */
export function disassociate(portal: Portal, fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, options: WriteOptions): void {
  const wasPrimary = portal.associations.types(fromType, fromId, toType, toId).some((t) => isPrimaryTypeId(t.typeId));
  if (!portal.associations.remove(fromType, fromId, toType, toId) || options.silent) return;
  portal.onChange(portal, {
    kind: 'associationChange', objectType: fromType, objectId: fromId, toObjectType: toType, toObjectId: toId,
    associationRemoved: true, isPrimaryAssociation: wasPrimary,
    occurredAt: portal.now(), changeSource: options.changeSource, sourceId: options.sourceId,
  });
}
