/**
 * Loads and saves Waymark's copies of CRM records in bulk.
 *
 * Concurrency: two batch jobs may touch the same record at once (HubSpot delivers batches in
 * parallel). `lockRecordStates` creates any missing rows, then takes row locks in key order,
 * so concurrent batches serialise per record without deadlocking; the merge then runs on the
 * locked copy and `saveRecordStates` writes it back in the same transaction.
 */
import type { Prisma } from '../../db/generated/client';
import { toStoredRecordState, type StoredRecordState } from './merge-record-state';
import type { Sql } from './sql';

type Tx = Prisma.TransactionClient;

/** Identifies one record of one portal. */
export interface RecordKey {
  objectType: string;
  recordId: string;
}

export const recordKeyString = (k: RecordKey) => `${k.objectType}:${k.recordId}`;

/** The `record_states` columns both reads select. */
interface StateRow {
  object_type: string;
  record_id: string;
  properties: unknown;
  versions: unknown;
  deleted: boolean;
  merged_into: string | null;
}

function statesByKey(rows: readonly StateRow[]): Map<string, StoredRecordState> {
  const result = new Map<string, StoredRecordState>();
  for (const row of rows) {
    result.set(
      recordKeyString({ objectType: row.object_type, recordId: row.record_id }),
      toStoredRecordState({ properties: row.properties, versions: row.versions, deleted: row.deleted, mergedInto: row.merged_into }),
    );
  }
  return result;
}

function uniqueSorted(keys: readonly RecordKey[]): RecordKey[] {
  const map = new Map(keys.map((k) => [recordKeyString(k), k]));
  return [...map.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, k]) => k);
}

/** Locks (creating when missing) the rows of `keys`; returns their states by `recordKeyString`. */
export async function lockRecordStates(tx: Tx, portalId: bigint, keys: readonly RecordKey[]): Promise<Map<string, StoredRecordState>> {
  const sorted = uniqueSorted(keys);
  if (sorted.length === 0) return new Map();
  const types = sorted.map((k) => k.objectType);
  const ids = sorted.map((k) => k.recordId);
  await tx.$executeRawUnsafe(
    `INSERT INTO record_states (portal_id, object_type, record_id)
     SELECT $1, t, r FROM unnest($2::text[], $3::text[]) AS u(t, r)
     ON CONFLICT DO NOTHING`,
    portalId,
    types,
    ids,
  );
  const rows = await tx.$queryRawUnsafe<StateRow[]>(
    `SELECT s.object_type, s.record_id, s.properties, s.versions, s.deleted, s.merged_into
       FROM record_states s JOIN unnest($2::text[], $3::text[]) AS u(t, r)
         ON s.object_type = u.t AND s.record_id = u.r
      WHERE s.portal_id = $1
      ORDER BY s.object_type, s.record_id
      FOR UPDATE OF s`,
    portalId,
    types,
    ids,
  );
  return statesByKey(rows);
}

/** Reads states without locking (missing records come back empty-handed: absent from the map). */
export async function readRecordStates(sql: Sql, portalId: bigint, keys: readonly RecordKey[]): Promise<Map<string, StoredRecordState>> {
  const sorted = uniqueSorted(keys);
  if (sorted.length === 0) return new Map();
  const rows = await sql.query<StateRow>(
    `SELECT s.object_type, s.record_id, s.properties, s.versions, s.deleted, s.merged_into
       FROM record_states s JOIN unnest($2::text[], $3::text[]) AS u(t, r)
         ON s.object_type = u.t AND s.record_id = u.r
      WHERE s.portal_id = $1`,
    [portalId, sorted.map((k) => k.objectType), sorted.map((k) => k.recordId)],
  );
  return statesByKey(rows);
}

/** Writes states back (rows must exist: lock them first). `refreshed` marks a CRM read. */
export async function saveRecordStates(
  tx: Tx,
  portalId: bigint,
  states: ReadonlyMap<string, StoredRecordState>,
  options: { refreshedAt?: Date } = {},
): Promise<void> {
  if (states.size === 0) return;
  const types: string[] = [];
  const ids: string[] = [];
  const props: string[] = [];
  const versions: string[] = [];
  const deleted: boolean[] = [];
  const merged: (string | null)[] = [];
  for (const [key, state] of states) {
    const split = key.indexOf(':');
    types.push(key.slice(0, split));
    ids.push(key.slice(split + 1));
    props.push(JSON.stringify(state.properties));
    versions.push(JSON.stringify(state.versions));
    deleted.push(state.deleted);
    merged.push(state.mergedInto);
  }
  await tx.$executeRawUnsafe(
    `UPDATE record_states s
        SET properties = u.p::jsonb, versions = u.v::jsonb, deleted = u.d, merged_into = u.m,
            refreshed_at = COALESCE($8::timestamptz, s.refreshed_at), updated_at = now()
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::boolean[], $7::text[]) AS u(t, r, p, v, d, m)
      WHERE s.portal_id = $1 AND s.object_type = u.t AND s.record_id = u.r`,
    portalId,
    types,
    ids,
    props,
    versions,
    deleted,
    merged,
    options.refreshedAt ?? null,
  );
}
