/** A record as the objects API returns it, optionally with its associations (v3 shape). */
import { toPublicObject, type CrmRecord } from '../../state/crm-record';
import { OBJECT_TYPES, type ObjectType } from '../../state/object-types';
import { liveLinks, propertiesOf, type Portal } from '../../state/portal';

export function presentRecord(
  portal: Portal,
  record: CrmRecord,
  selection: { properties: readonly string[]; withHistory?: readonly string[]; associations?: readonly ObjectType[] },
): Record<string, unknown> {
  // HubSpot leaves out requested properties that do not exist; existing ones without a value are null.
  const known = propertiesOf(portal, record.objectType);
  const body = toPublicObject(
    record,
    selection.properties.filter((name) => known.has(name)),
    (selection.withHistory ?? []).filter((name) => known.has(name)),
  );
  if (selection.associations && selection.associations.length > 0) {
    const associations: Record<string, unknown> = {};
    for (const toType of selection.associations) {
      const live = liveLinks(portal, record.objectType, record.id, toType);
      if (live.length === 0) continue;
      const label = `${OBJECT_TYPES[record.objectType].singular}_to_${OBJECT_TYPES[toType].singular}`;
      associations[toType] = { results: live.map((link) => ({ id: link.toId, type: label })) };
    }
    body.associations = associations;
  }
  return body;
}

/** Every property a record has (create/update responses return them all). */
export function allPropertyNames(record: CrmRecord): string[] {
  return [...record.properties.keys()];
}
