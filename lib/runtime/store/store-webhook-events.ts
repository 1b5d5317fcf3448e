/**
 * Stores webhook events once per (portal, eventId). HubSpot retries and may deliver the same
 * batch twice at once; `ON CONFLICT DO NOTHING` on the unique index makes every delivery succeed
 * while only the first copy of each event is kept.
 */
import type { Prisma } from '../../db/generated/client';

export interface WebhookEventRow {
  portalId: bigint;
  eventId: bigint;
  subscriptionType: string;
  objectId: bigint | null;
  occurredAt: Date;
  attemptNumber: number;
  payload: Record<string, unknown>;
}

/**
 * Returns the row ids of the events that were new (one `INSERT … ON CONFLICT DO NOTHING
 * RETURNING`), so the caller can enqueue exactly those. Runs inside the caller's transaction.
 */
export async function storeWebhookEvents(tx: Prisma.TransactionClient, events: readonly WebhookEventRow[]): Promise<bigint[]> {
  if (events.length === 0) return [];
  const inserted = await tx.webhookEvent.createManyAndReturn({
    data: events.map((e) => ({ ...e, payload: e.payload as object })),
    skipDuplicates: true,
    select: { id: true },
  });
  return inserted.map((row) => row.id);
}
