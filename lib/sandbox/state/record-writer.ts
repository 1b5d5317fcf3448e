/**
 * Every write to a portal's records goes through here, so property history, system properties
 * and change notifications (→ webhooks) are consistent whichever endpoint or control action wrote.
 */
import { apiError, notFound } from '../http/hubspot-errors';
import type { CrmRecord } from './crm-record';
import { createdProperty, lastModifiedProperty, type ObjectType } from './object-types';
import { recordsOf, type Portal } from './portal';
import type { ChangeSource } from './record-change';
import { validateProperties, type InputValue } from './validate-properties';

/** Who writes: HubSpot `changeSource`/`sourceId`, and whether read-only properties may be set. */
export interface WriteOptions extends ChangeSource {
  /** System writes (demo signals, seeding) may set read-only properties. */
  system?: boolean;
  /** Seeding writes emit no change events. */
  silent?: boolean;
}

export const API_SOURCE: WriteOptions = { changeSource: 'INTEGRATION' };

function emit(portal: Portal, options: WriteOptions, change: Parameters<Portal['onChange']>[1]): void {
  if (!options.silent) portal.onChange(portal, change);
}

function stamp(record: CrmRecord, name: string, value: string, at: number, options: WriteOptions): void {
  record.properties.set(name, value);
  const versions = record.history.get(name) ?? [];
  versions.push({ value, timestamp: new Date(at).toISOString(), sourceType: options.changeSource, sourceId: options.sourceId });
  record.history.set(name, versions);
}

/** Finds a live (non-archived) record or throws HubSpot's 404. */
export function requireRecord(portal: Portal, type: ObjectType, id: string): CrmRecord {
  const record = recordsOf(portal, type).get(id);
  if (!record || record.archived) throw notFound(`Object not found.  objectId are usually numeric.`);
  return record;
}

/** Applies derived properties HubSpot maintains itself (lifecycle stage dates, deal closed flags). */
function derived(portal: Portal, type: ObjectType, changes: Map<string, string>, record: CrmRecord, at: number): Map<string, string> {
  const extra = new Map<string, string>();
  const stage = changes.get('lifecyclestage');
  if (type === 'contacts' && stage && !record.properties.get(`hs_lifecyclestage_${stage}_date`)) {
    extra.set(`hs_lifecyclestage_${stage}_date`, new Date(at).toISOString());
  }
  const dealStage = changes.get('dealstage');
  if (type === 'deals' && dealStage) {
    const pipelineId = changes.get('pipeline') || record.properties.get('pipeline') || 'default';
    const meta = portal.pipelines.get('deals')?.find((p) => p.id === pipelineId)?.stages.find((s) => s.id === dealStage)?.metadata;
    if (meta) {
      extra.set('hs_is_closed', meta.isClosed === 'true' ? 'true' : 'false');
      extra.set('hs_is_closed_won', meta.isClosed === 'true' && Number(meta.probability) === 1 ? 'true' : 'false');
    }
  }
  return extra;
}

function applyChanges(portal: Portal, record: CrmRecord, values: Map<string, string>, options: WriteOptions, isCreate: boolean): void {
  const at = portal.now();
  const all = new Map([...values, ...derived(portal, record.objectType, values, record, at)]);
  const changed: [string, string][] = [];
  for (const [name, value] of all) {
    if (!isCreate && (record.properties.get(name) ?? '') === value) continue;
    stamp(record, name, value, at, options);
    changed.push([name, value]);
  }
  if (changed.length === 0 && !isCreate) return;
  record.updatedAt = at;
  stamp(record, lastModifiedProperty(record.objectType), new Date(at).toISOString(), at, options);
  for (const [propertyName, propertyValue] of changed) {
    if (propertyValue === '' && isCreate) continue;
    emit(portal, options, {
      kind: 'propertyChange', objectType: record.objectType, objectId: record.id, propertyName, propertyValue,
      occurredAt: at, changeSource: options.changeSource, sourceId: options.sourceId,
    });
  }
}

/** Creates a record (201 semantics); contacts must have a unique email (409 otherwise). */
export function createRecord(portal: Portal, type: ObjectType, input: Record<string, InputValue>, options: WriteOptions): CrmRecord {
  const values = validateProperties(portal, type, input, undefined, options);
  if (type === 'contacts') {
    const email = values.get('email')?.toLowerCase();
    const clash = email ? findByUnique(portal, 'contacts', 'email', email) : undefined;
    if (clash) throw apiError(409, 'CONFLICT', `Contact already exists. Existing ID: ${clash.id}`);
    if (email) values.set('email', email);
  }
  const at = portal.now();
  const id = String(portal.nextId++);
  const record: CrmRecord = {
    id, objectType: type, properties: new Map(), history: new Map(), createdAt: at, updatedAt: at, archived: false,
  };
  recordsOf(portal, type).set(id, record);
  stamp(record, 'hs_object_id', id, at, options);
  if (!values.has(createdProperty(type))) stamp(record, createdProperty(type), new Date(at).toISOString(), at, options);
  emit(portal, options, { kind: 'creation', objectType: type, objectId: id, occurredAt: at, ...source(options) });
  applyChanges(portal, record, values, options, true);
  return record;
}

/** Updates properties; only values that actually change are recorded and notified. */
export function updateRecord(portal: Portal, type: ObjectType, id: string, input: Record<string, InputValue>, options: WriteOptions): CrmRecord {
  const record = requireRecord(portal, type, id);
  const values = validateProperties(portal, type, input, record, options);
  if (type === 'contacts' && values.has('email')) {
    const email = values.get('email')!.toLowerCase();
    const clash = email ? findByUnique(portal, 'contacts', 'email', email) : undefined;
    if (clash && clash.id !== id) throw apiError(409, 'CONFLICT', `Contact already exists. Existing ID: ${clash.id}`);
    values.set('email', email);
  }
  applyChanges(portal, record, values, options, false);
  return record;
}

/** Archives (deletes) a record; a missing one is a no-op, as HubSpot answers 204 either way. */
export function archiveRecord(portal: Portal, type: ObjectType, id: string, options: WriteOptions): void {
  const record = recordsOf(portal, type).get(id);
  if (!record || record.archived) return;
  record.archived = true;
  record.archivedAt = portal.now();
  emit(portal, options, { kind: 'deletion', objectType: type, objectId: id, occurredAt: record.archivedAt, ...source(options) });
}

/**
 * GDPR delete: the contact is removed for good (no restore), with its associations. HubSpot then
 * sends both `contact.privacyDeletion` and `contact.deletion`, in either order.
 */
export function gdprDeleteRecord(portal: Portal, type: ObjectType, id: string, options: WriteOptions): void {
  const record = recordsOf(portal, type).get(id);
  if (!record) throw notFound('Object not found.  objectId are usually numeric.');
  for (const link of portal.associations.all(type, id)) portal.associations.remove(type, id, link.toType, link.toId);
  recordsOf(portal, type).delete(id);
  const at = portal.now();
  emit(portal, options, { kind: 'privacyDeletion', objectType: type, objectId: id, occurredAt: at, ...source(options) });
  emit(portal, options, { kind: 'deletion', objectType: type, objectId: id, occurredAt: at, ...source(options) });
}

/** Restores an archived record (HubSpot does this from the recycle bin). */
export function restoreRecord(portal: Portal, type: ObjectType, id: string, options: WriteOptions): CrmRecord {
  const record = recordsOf(portal, type).get(id);
  if (!record || !record.archived || record.mergedInto) throw notFound('Object not found in the recycle bin.');
  record.archived = false;
  delete record.archivedAt;
  record.updatedAt = portal.now();
  emit(portal, options, { kind: 'restore', objectType: type, objectId: id, occurredAt: record.updatedAt, ...source(options) });
  return record;
}

/** Merges `mergeId` into `primaryId`: missing values move over, links move over, the other is archived. */
export function mergeRecords(portal: Portal, type: ObjectType, primaryId: string, mergeId: string, options: WriteOptions): CrmRecord {
  if (primaryId === mergeId) throw apiError(400, 'VALIDATION_ERROR', 'Cannot merge an object with itself');
  const primary = requireRecord(portal, type, primaryId);
  const other = requireRecord(portal, type, mergeId);
  let moved = 0;
  const at = portal.now();
  for (const [name, value] of other.properties) {
    if (value !== '' && !primary.properties.get(name) && name !== 'hs_object_id') {
      stamp(primary, name, value, at, options);
      moved++;
    }
  }
  for (const link of portal.associations.all(type, mergeId)) {
    portal.associations.add(type, primaryId, link.toType, link.toId, link.types);
    portal.associations.remove(type, mergeId, link.toType, link.toId);
  }
  other.archived = true;
  other.archivedAt = at;
  other.mergedInto = primaryId;
  primary.updatedAt = at;
  emit(portal, options, {
    kind: 'merge', objectType: type, objectId: primaryId, primaryObjectId: primaryId, mergedObjectIds: [mergeId],
    newObjectId: primaryId, numberOfPropertiesMoved: moved, occurredAt: at, ...source(options),
  });
  return primary;
}

/** The live record whose (unique) property equals the value, case-insensitively. */
export function findByUnique(portal: Portal, type: ObjectType, property: string, value: string): CrmRecord | undefined {
  const wanted = value.toLowerCase();
  for (const record of recordsOf(portal, type).values()) {
    if (!record.archived && record.properties.get(property)?.toLowerCase() === wanted) return record;
  }
  return undefined;
}

function source(options: WriteOptions) {
  return { changeSource: options.changeSource, sourceId: options.sourceId };
}
