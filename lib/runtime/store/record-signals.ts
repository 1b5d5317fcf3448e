/**
 * Stored per-record signals. Each is written once (`dedupe_key` from the webhook event), so
 * processing a batch twice stores nothing new; runs keep a cursor of the last one consumed.
 */
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/prisma';
import type { Signal } from '../../engine/types';
import type { Sql } from './sql';

type Tx = Prisma.TransactionClient;

/** A signal to store, with its dedupe key and the webhook-event rows it came from. */
export interface SignalToStore {
  signal: Signal;
  dedupeKey: string;
  sourceRowIds: readonly bigint[];
}

/** Stores signals once each (a second copy of the same key is ignored). */
export async function storeSignals(tx: Tx, portalId: bigint, signals: readonly SignalToStore[]): Promise<void> {
  if (signals.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO record_signals (portal_id, object_type, record_id, kind, property, payload, dedupe_key, occurred_at, source_row_ids)
     SELECT $1, u.t, u.r, u.k, u.p, u.j::jsonb, u.d, u.o, ARRAY(SELECT jsonb_array_elements_text(u.s::jsonb)::bigint)
       FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[], $9::text[])
         WITH ORDINALITY AS u(t, r, k, p, j, d, o, s, n)
      ORDER BY u.n
     ON CONFLICT (dedupe_key) DO NOTHING`,
    portalId,
    signals.map((s) => s.signal.objectType),
    signals.map((s) => s.signal.recordId),
    signals.map((s) => s.signal.kind),
    signals.map((s) => ('property' in s.signal ? s.signal.property : null)),
    signals.map((s) => JSON.stringify(s.signal)),
    signals.map((s) => s.dedupeKey),
    signals.map((s) => s.signal.occurredAt),
    signals.map((s) => JSON.stringify(s.sourceRowIds.map(String))),
  );
}

/** Signals from these webhook-event rows not yet routed, oldest first. */
export async function unroutedSignals(tx: Tx | Db, portalId: bigint, rowIds: readonly bigint[]): Promise<{ id: bigint; signal: Signal }[]> {
  const rows = await tx.$queryRawUnsafe<{ id: bigint; payload: unknown }[]>(
    `SELECT id, payload FROM record_signals
      WHERE portal_id = $1 AND routed_at IS NULL AND source_row_ids && $2::bigint[]
      ORDER BY occurred_at, id`,
    portalId,
    [...rowIds],
  );
  return rows.map((r) => ({ id: r.id, signal: reviveSignal(r.payload) }));
}

/** Marks signals routed. */
export async function markSignalsRouted(sql: Sql, ids: readonly bigint[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(`UPDATE record_signals SET routed_at = $2 WHERE id = ANY($1::bigint[])`, [ids.map(String), at]);
}

/** Revives a stored signal (dates come back as strings from JSON). */
export function reviveSignal(raw: unknown): Signal {
  const value = raw as Signal & { occurredAt: string | Date };
  return { ...value, occurredAt: new Date(value.occurredAt) } as Signal;
}

/** Highest stored signal id of a record (a new run starts consuming after it). */
export async function latestSignalId(sql: Sql, portalId: bigint, objectType: string, recordId: string): Promise<bigint> {
  const rows = await sql.query<{ id: bigint | null }>(
    `SELECT max(id) AS id FROM record_signals WHERE portal_id = $1 AND object_type = $2 AND record_id = $3`,
    [portalId, objectType, recordId],
  );
  return rows[0]?.id ?? 0n;
}

/** The record's signals that occurred at or after `since`, oldest first (at most 100). */
export async function signalsSince(
  sql: Sql,
  portalId: bigint,
  objectType: string,
  recordId: string,
  since: Date,
): Promise<Signal[]> {
  const rows = await sql.query<{ payload: unknown }>(
    `SELECT payload FROM record_signals
      WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND occurred_at >= $4
      ORDER BY occurred_at, id LIMIT 100`,
    [portalId, objectType, recordId, since],
  );
  return rows.map((r) => reviveSignal(r.payload));
}
