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

/** Returns how many of the events were new. Runs inside the caller's transaction. */
export async function storeWebhookEvents(tx: Prisma.TransactionClient, events: readonly WebhookEventRow[]): Promise<number> {
  if (events.length === 0) return 0;
  const result = await tx.webhookEvent.createMany({
    data: events.map((e) => ({ ...e, payload: e.payload as object })),
    skipDuplicates: true,
  });
  return result.count;
}
