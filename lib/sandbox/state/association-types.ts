/**
 * HubSpot-defined association type ids (reference §6.5, SDK `AssociationTypes`), as pairs of
 * (from → to id, to → from id). Every association is stored in both directions.
 */
import type { ObjectType } from './object-types';

type Pair = readonly [ObjectType, ObjectType, number, number];

/** [from, to, from→to typeId, to→from typeId]. */
const PAIRS: readonly Pair[] = [
  ['contacts', 'companies', 279, 280],
  ['deals', 'contacts', 3, 4],
  ['deals', 'companies', 341, 342],
  ['contacts', 'tickets', 15, 16],
  ['tickets', 'companies', 339, 340],
  ['deals', 'tickets', 27, 28],
  ['notes', 'contacts', 202, 201],
  ['notes', 'companies', 190, 189],
  ['notes', 'deals', 214, 213],
  ['notes', 'tickets', 228, 227],
  ['tasks', 'contacts', 204, 203],
  ['tasks', 'companies', 192, 191],
  ['tasks', 'deals', 216, 215],
  ['tasks', 'tickets', 230, 229],
  ['meetings', 'contacts', 200, 199],
  ['meetings', 'companies', 188, 187],
  ['meetings', 'deals', 212, 211],
  ['calls', 'contacts', 194, 193],
  ['calls', 'companies', 182, 181],
  ['calls', 'deals', 206, 205],
  ['emails', 'contacts', 198, 197],
  ['emails', 'companies', 186, 185],
  ['emails', 'deals', 210, 209],
];

/** Primary (labelled "Primary") association type ids, where HubSpot has one. */
const PRIMARY: readonly Pair[] = [
  ['contacts', 'companies', 1, 2],
  ['deals', 'companies', 5, 6],
  ['tickets', 'companies', 26, 25],
];

const unlabelled = new Map<string, number>();
const inverse = new Map<number, number>();
const primaryIds = new Set<number>();
for (const [from, to, forward, back] of PAIRS) {
  unlabelled.set(`${from}>${to}`, forward);
  unlabelled.set(`${to}>${from}`, back);
  inverse.set(forward, back);
  inverse.set(back, forward);
}
for (const [, , forward, back] of PRIMARY) {
  inverse.set(forward, back);
  inverse.set(back, forward);
  primaryIds.add(forward);
  primaryIds.add(back);
}

/** The default (unlabelled) HUBSPOT_DEFINED type id from one type to another, if they can associate. */
export function defaultAssociationTypeId(from: ObjectType, to: ObjectType): number | undefined {
  return unlabelled.get(`${from}>${to}`);
}

/** The type id of the same association seen from the other side. */
export function inverseAssociationTypeId(typeId: number): number | undefined {
  return inverse.get(typeId);
}

/** True for the "Primary" labelled type ids. */
export function isPrimaryTypeId(typeId: number): boolean {
  return primaryIds.has(typeId);
}

/** True when a type id is known to connect these two types (either unlabelled or primary). */
export function typeIdConnects(from: ObjectType, to: ObjectType, typeId: number): boolean {
  if (defaultAssociationTypeId(from, to) === typeId) return true;
  return PRIMARY.some(([f, t, forward, back]) => (f === from && t === to && forward === typeId) || (f === to && t === from && back === typeId));
}

/** The legacy webhook `associationType` name, e.g. `CONTACT_TO_COMPANY`. */
export function legacyAssociationName(from: ObjectType, to: ObjectType): string {
  const singular: Record<string, string> = { contacts: 'CONTACT', companies: 'COMPANY', deals: 'DEAL', tickets: 'TICKET' };
  return `${singular[from] ?? from.toUpperCase()}_TO_${singular[to] ?? to.toUpperCase()}`;
}

/** The object type a HUBSPOT_DEFINED type id points to from `from` (v3 create infers it this way). */
export function associationTarget(from: ObjectType, typeId: number): ObjectType | undefined {
  for (const [f, t, forward, back] of [...PAIRS, ...PRIMARY]) {
    if (f === from && forward === typeId) return t;
    if (t === from && back === typeId) return f;
  }
  return undefined;
}
