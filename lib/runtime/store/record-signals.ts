/**
 * Stored per-record signals. Each is written once (`dedupe_key` from the webhook event), so
 * processing a batch twice stores nothing new; runs keep a cursor of the last one consumed.
 *
 * Two times per signal: `occurred_at` is HubSpot's (wall-clock; orders what happened) and
 * `observed_at` is the runtime clock's at ingestion (the clock run times use, fast-forwarded in
 * the sandbox). "Since the step began" lookbacks compare `observed_at`.
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

/**
 * Stores signals once each (a second copy of the same key is ignored), observed at `observedAt`
 * (the runtime clock's now).
 */
export async function storeSignals(tx: Tx, portalId: bigint, signals: readonly SignalToStore[], observedAt: Date): Promise<void> {
  if (signals.length === 0) return;
  await tx.$executeRawUnsafe(
    `INSERT INTO record_signals (portal_id, object_type, record_id, kind, property, payload, dedupe_key, occurred_at, observed_at, source_row_ids)
     SELECT $1, u.t, u.r, u.k, u.p, u.j::jsonb, u.d, u.o, $10::timestamptz, ARRAY(SELECT jsonb_array_elements_text(u.s::jsonb)::bigint)
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
    observedAt,
  );
}

/** Signals from these webhook-event rows not yet routed, oldest first. */
export async function unroutedSignals(tx: Tx | Db, portalId: bigint, rowIds: readonly bigint[]): Promise<{ id: bigint; signal: Signal }[]> {
  const rows = await tx.$queryRawUnsafe<{ id: bigint; payload: unknown; observed_at: Date }[]>(
    `SELECT id, payload, observed_at FROM record_signals
      WHERE portal_id = $1 AND routed_at IS NULL AND source_row_ids && $2::bigint[]
      ORDER BY occurred_at, id`,
    portalId,
    [...rowIds],
  );
  return rows.map((r) => ({ id: r.id, signal: reviveSignal(r.payload, r.observed_at) }));
}

/** Marks signals routed. */
export async function markSignalsRouted(sql: Sql, ids: readonly bigint[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(`UPDATE record_signals SET routed_at = $2 WHERE id = ANY($1::bigint[])`, [ids.map(String), at]);
}

/** Revives a stored signal (dates come back as strings from JSON) with its `observed_at`. */
export function reviveSignal(raw: unknown, observedAt: Date): Signal {
  const value = raw as Signal & { occurredAt: string | Date };
  return { ...value, occurredAt: new Date(value.occurredAt), observedAt: new Date(observedAt) } as Signal;
}

/** Highest stored signal id of a record (a new run starts consuming after it). */
export async function latestSignalId(sql: Sql, portalId: bigint, objectType: string, recordId: string): Promise<bigint> {
  const rows = await sql.query<{ id: bigint | null }>(
    `SELECT max(id) AS id FROM record_signals WHERE portal_id = $1 AND object_type = $2 AND record_id = $3`,
    [portalId, objectType, recordId],
  );
  return rows[0]?.id ?? 0n;
}

/**
 * The record's signals observed at or after `since` (runtime clock, the clock of run times),
 * in the order they happened (at most 100).
 */
export async function signalsSince(
  sql: Sql,
  portalId: bigint,
  objectType: string,
  recordId: string,
  since: Date,
): Promise<Signal[]> {
  const rows = await sql.query<{ payload: unknown; observed_at: Date }>(
    `SELECT payload, observed_at FROM (
       SELECT id, payload, occurred_at, observed_at FROM record_signals
        WHERE portal_id = $1 AND object_type = $2 AND record_id = $3 AND observed_at >= $4
        ORDER BY observed_at, id LIMIT 100) s
      ORDER BY occurred_at, id`,
    [portalId, objectType, recordId, since],
  );
  return rows.map((r) => reviveSignal(r.payload, r.observed_at));
}
