/** Shared pieces of the v4 association routes. */
import type { AssociationTypeRef } from '../../state/association-store';
import { isPrimaryTypeId } from '../../state/association-types';

/** v4 `associationTypes` entry: category, typeId, label ("Primary" or null). */
export function presentType(type: AssociationTypeRef) {
  return { category: type.category, typeId: type.typeId, label: isPrimaryTypeId(type.typeId) ? 'Primary' : null };
}

/** One result of a default (unlabelled) association: `{from, to, associationSpec}`. */
export function defaultLinkResult(fromId: string, toId: string, type: AssociationTypeRef) {
  return { from: { id: fromId }, to: { id: toId }, associationSpec: { associationCategory: type.category, associationTypeId: type.typeId } };
}
