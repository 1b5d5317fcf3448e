/**
 * Associations between records, stored in both directions with their type ids, so a v4 read from
 * either side sees the same link (as HubSpot does).
 */
import type { ObjectType } from './object-types';
import { inverseAssociationTypeId } from './association-types';

/** One association type on a link. */
export interface AssociationTypeRef {
  category: 'HUBSPOT_DEFINED' | 'USER_DEFINED' | 'INTEGRATOR_DEFINED';
  typeId: number;
}

const key = (type: ObjectType, id: string) => `${type}:${id}`;

export class AssociationStore {
  // from key → to key → type ids
  private readonly links = new Map<string, Map<string, Map<number, AssociationTypeRef>>>();

  /** Adds types on a link (and their inverses). Returns true if the link did not exist before. */
  add(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string, types: readonly AssociationTypeRef[]): boolean {
    const existed = this.types(fromType, fromId, toType, toId).length > 0;
    for (const type of types) {
      this.put(key(fromType, fromId), key(toType, toId), type);
      const back = inverseAssociationTypeId(type.typeId);
      this.put(key(toType, toId), key(fromType, fromId), { category: type.category, typeId: back ?? type.typeId });
    }
    return !existed;
  }

  /** Removes every type on a link, both directions. Returns true if something was removed. */
  remove(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): boolean {
    const a = this.links.get(key(fromType, fromId))?.delete(key(toType, toId)) ?? false;
    const b = this.links.get(key(toType, toId))?.delete(key(fromType, fromId)) ?? false;
    return a || b;
  }

  /** Types on one link from one side. */
  types(fromType: ObjectType, fromId: string, toType: ObjectType, toId: string): AssociationTypeRef[] {
    return [...(this.links.get(key(fromType, fromId))?.get(key(toType, toId))?.values() ?? [])];
  }

  /** All records of `toType` linked to a record, with their types, ordered by id. */
  list(fromType: ObjectType, fromId: string, toType: ObjectType): { toId: string; types: AssociationTypeRef[] }[] {
    const prefix = `${toType}:`;
    const out: { toId: string; types: AssociationTypeRef[] }[] = [];
    for (const [to, types] of this.links.get(key(fromType, fromId)) ?? []) {
      if (to.startsWith(prefix) && types.size > 0) out.push({ toId: to.slice(prefix.length), types: [...types.values()] });
    }
    return out.sort((x, y) => Number(x.toId) - Number(y.toId));
  }

  /** Every link of a record, any type (used when a record is merged or deleted). */
  all(fromType: ObjectType, fromId: string): { toType: ObjectType; toId: string; types: AssociationTypeRef[] }[] {
    return [...(this.links.get(key(fromType, fromId)) ?? [])].map(([to, types]) => {
      const [toType, toId] = to.split(':') as [ObjectType, string];
      return { toType, toId, types: [...types.values()] };
    });
  }

  private put(from: string, to: string, type: AssociationTypeRef): void {
    let targets = this.links.get(from);
    if (!targets) this.links.set(from, (targets = new Map()));
    let types = targets.get(to);
    if (!types) targets.set(to, (types = new Map()));
    types.set(type.typeId, type);
  }
}
