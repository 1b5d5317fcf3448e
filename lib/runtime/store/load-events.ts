/** Loads stored webhook events of one portal by row id, oldest first. */
import type { Db } from '../../db/prisma';

export interface LoadedEvent {
  rowId: bigint;
  eventId: bigint;
  subscriptionType: string;
  occurredAt: Date;
  processedAt: Date | null;
  payload: Record<string, unknown>;
}

export async function loadWebhookEvents(db: Db, portalId: bigint, rowIds: readonly bigint[]): Promise<LoadedEvent[]> {
  const rows = await db.webhookEvent.findMany({
    where: { portalId, id: { in: [...rowIds] } },
    orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    rowId: r.id,
    eventId: r.eventId,
    subscriptionType: r.subscriptionType,
    occurredAt: r.occurredAt,
    processedAt: r.processedAt,
    payload: (r.payload && typeof r.payload === 'object' ? r.payload : {}) as Record<string, unknown>,
  }));
}
