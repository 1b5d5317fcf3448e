/**
 * Step one of a webhook batch: turn the stored events into per-record signals and Waymark's
 * record copies, in one transaction (record rows locked in key order, see record-states.ts).
 * The engine decides what each event means and the next state of each record (newer values
 * win per property, so out-of-order deliveries never regress a value); this stores both and
 * marks the events processed. Returns the batch's signals not yet routed, so a job that died
 * after this step routes them when it runs again.
 */
import { signalKey } from '../../engine/signal-key';
import type { Signal } from '../../engine/types';
import type { RuntimeDeps } from '../runtime-deps';
import { loadWebhookEvents } from '../store/load-events';
import { lockRecordStates, saveRecordStates, type RecordKey } from '../store/record-states';
import { storeSignals, unroutedSignals } from '../store/record-signals';
import type { StoredRecordState } from '../store/merge-record-state';

const TX = { timeout: 60_000, maxWait: 60_000 } as const;

export async function ingestEvents(deps: RuntimeDeps, portalId: bigint, rowIds: readonly bigint[]): Promise<{ id: bigint; signal: Signal }[]> {
  const events = await loadWebhookEvents(deps.db, portalId, rowIds);
  const fresh = events.filter((e) => e.processedAt === null);
  if (fresh.length > 0) {
    const rowIdByEventId = new Map(fresh.map((e) => [e.eventId.toString(), e.rowId]));
    const payloads = fresh.map((e) => e.payload);
    // A dry pass over empty state names the records the batch touches, so they can be locked.
    const touched: RecordKey[] = Object.keys(deps.engine.deriveSignals(payloads, {}).states).map((key) => {
      const split = key.indexOf(':');
      return { objectType: key.slice(0, split), recordId: key.slice(split + 1) };
    });
    await deps.db.$transaction(async (tx) => {
      const previous = await lockRecordStates(tx, portalId, touched);
      const derived = deps.engine.deriveSignals(payloads, Object.fromEntries(previous));
      const next = new Map<string, StoredRecordState>(Object.entries(derived.states));
      await saveRecordStates(tx, portalId, next);
      await storeSignals(
        tx,
        portalId,
        derived.signals.map((signal) => ({
          signal,
          dedupeKey: `${portalId}:${signalKey(signal)}`,
          sourceRowIds: signal.eventIds.map((id) => rowIdByEventId.get(id)).filter((id): id is bigint => id !== undefined),
        })),
        // Observed now on the runtime clock: run times are on that clock, HubSpot's are not.
        deps.clock.now(),
      );
      await tx.webhookEvent.updateMany({ where: { id: { in: fresh.map((e) => e.rowId) } }, data: { processedAt: deps.clock.now() } });
    }, TX);
  }
  return unroutedSignals(deps.db, portalId, rowIds);
}
