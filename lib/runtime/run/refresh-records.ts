/**
 * Fills in record properties a decision needs but Waymark does not hold yet, with batched CRM
 * reads: one `readRecords` call per object type and per 100 records (never one read per event).
 * A value read this way is versioned with the record's `updatedAt` from the CRM, so a webhook
 * event newer than the read still wins and an older one does not overwrite it.
 */
import type { CrmObjectType } from '../../hubspot/crm-port';
import { log } from '../../log';
import type { RuntimeDeps } from '../runtime-deps';
import { mergeRecordState, emptyRecordState, type PropertyWrite, type StoredRecordState } from '../store/merge-record-state';
import { lockRecordStates, recordKeyString, saveRecordStates, type RecordKey } from '../store/record-states';
import { ownValue } from '../../engine/own-value';

/** Most ids in one CRM batch read. */
export const READ_BATCH = 100;

export interface RefreshNeed extends RecordKey {
  properties: readonly string[];
}

/**
 * Reads missing properties; returns how many CRM calls it made. Read failures are logged, not
 * thrown. `held` is the caller's read of the needed records (readRecordStates), so it is not
 * read twice.
 */
export async function refreshMissingProperties(
  deps: RuntimeDeps,
  portalId: bigint,
  needs: readonly RefreshNeed[],
  held: ReadonlyMap<string, StoredRecordState>,
): Promise<number> {
  if (needs.length === 0) return 0;
  const missing = new Map<string, { key: RecordKey; properties: Set<string> }>();
  for (const need of needs) {
    const state = held.get(recordKeyString(need));
    if (state?.deleted) continue;
    const lacking = need.properties.filter((p) => !state || !Object.hasOwn(state.properties, p));
    if (lacking.length === 0) continue;
    const entry = missing.get(recordKeyString(need)) ?? { key: need, properties: new Set<string>() };
    for (const p of lacking) entry.properties.add(p);
    missing.set(recordKeyString(need), entry);
  }
  const byType = new Map<string, { key: RecordKey; properties: Set<string> }[]>();
  for (const entry of missing.values()) byType.set(entry.key.objectType, [...(byType.get(entry.key.objectType) ?? []), entry]);
  let calls = 0;
  for (const [objectType, entries] of byType) {
    for (let i = 0; i < entries.length; i += READ_BATCH) {
      const slice = entries.slice(i, i + READ_BATCH);
      const properties = [...new Set(slice.flatMap((e) => [...e.properties]))];
      calls += 1;
      let records;
      try {
        records = await deps.crm.readRecords(portalId, objectType as CrmObjectType, slice.map((e) => e.key.recordId), properties);
      } catch (error) {
        log.warn('record refresh failed; deciding on what Waymark holds', { portalId: portalId.toString(), objectType, error: String(error) });
        continue;
      }
      await deps.db.$transaction(async (tx) => {
        const keys = records.map((r) => ({ objectType, recordId: r.id }));
        const locked = await lockRecordStates(tx, portalId, keys);
        const next = new Map<string, ReturnType<typeof emptyRecordState>>();
        for (const record of records) {
          const key = recordKeyString({ objectType, recordId: record.id });
          const version = record.updatedAt ? Date.parse(record.updatedAt) || 0 : 0;
          const writes: PropertyWrite[] = properties
            .filter((p) => Object.hasOwn(record.properties, p))
            .map((p) => ({ property: p, value: ownValue(record.properties, p) ?? null, occurredAt: version }));
          next.set(key, mergeRecordState(locked.get(key) ?? emptyRecordState(), writes).next);
        }
        await saveRecordStates(tx, portalId, next, { refreshedAt: deps.clock.now() });
      });
    }
  }
  return calls;
}
