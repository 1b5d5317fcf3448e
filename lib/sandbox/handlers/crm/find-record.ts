/** Looks a record up by id or by `idProperty` (e.g. a contact's email), as `?idProperty=` allows. */
import { notFound } from '../../http/hubspot-errors';
import type { CrmRecord } from '../../state/crm-record';
import type { ObjectType } from '../../state/object-types';
import { recordsOf, type Portal } from '../../state/portal';
import { findByUnique } from '../../state/record-writer';

export function findRecord(
  portal: Portal,
  type: ObjectType,
  id: string,
  options: { idProperty?: string | null; archived?: boolean } = {},
): CrmRecord | undefined {
  const byProperty = options.idProperty && options.idProperty !== 'hs_object_id';
  const record = byProperty ? findByUnique(portal, type, options.idProperty!, id) : recordsOf(portal, type).get(id);
  if (!record) return undefined;
  return record.archived === (options.archived ?? false) ? record : undefined;
}

export function requireFound(portal: Portal, type: ObjectType, id: string, options: Parameters<typeof findRecord>[3] = {}): CrmRecord {
  const record = findRecord(portal, type, id, options);
  if (!record) throw notFound('Object not found.  objectId are usually numeric.');
  return record;
}
