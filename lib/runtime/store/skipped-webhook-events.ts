/**
 * Webhook events that were signed but could not be stored (skipped_webhook_events): written
 * with the delivery's good events in one transaction, once per distinct event (the SHA-256 of
 * its escaped JSON text is unique), and listed for inspection.
 */
import { createHash } from 'node:crypto';
import type { Prisma } from '../../db/generated/client';
import type { Db } from '../../db/prisma';

export interface SkippedWebhookEventRow {
  portalId: bigint | null;
  eventId: bigint | null;
  /** Dotted path of the refused field (`event` for the event as a whole). */
  field: string;
  reason: string;
  /** The event as JSON text; JSON.stringify escapes NUL and lone surrogates, so it is storable. */
  raw: string;
}

/** Stores the rows not stored before; returns how many were new. Runs in the caller's transaction. */
export async function storeSkippedWebhookEvents(tx: Prisma.TransactionClient, rows: readonly SkippedWebhookEventRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  const { count } = await tx.skippedWebhookEvent.createMany({
    data: rows.map((row) => ({ ...row, rawSha256: createHash('sha256').update(row.raw).digest('hex') })),
    skipDuplicates: true,
  });
  return count;
}

/** The most recent skipped events, newest first (of one portal, or of all when not given). */
export async function listSkippedWebhookEvents(db: Db, options: { portalId?: bigint; limit?: number } = {}) {
  return db.skippedWebhookEvent.findMany({
    where: options.portalId === undefined ? {} : { portalId: options.portalId },
    orderBy: [{ receivedAt: 'desc' }, { id: 'desc' }],
    take: options.limit ?? 100,
  });
}
