/**
 * Handler of `process-webhook-batch` (definition: definitions/process-webhook-batch.ts, enqueued
 * by the webhook endpoint in the transaction that stored the events). Safe to run twice: the
 * first step only processes events not yet processed, and the second only routes signals not
 * yet routed (see run/ingest-events.ts and run/route-signals.ts).
 */
import { log } from '../../log';
import { handle } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import { ingestEvents } from '../run/ingest-events';
import { routeSignals } from '../run/route-signals';
import { processWebhookBatchJob } from './definitions/process-webhook-batch';

export const processWebhookBatchHandler = (deps: RuntimeDeps) =>
  handle(processWebhookBatchJob, async (payload) => {
    await deps.clock.sync();
    const portalId = BigInt(payload.portalId);
    const signals = await ingestEvents(deps, portalId, payload.eventRowIds.map(BigInt));
    const summary = await routeSignals(deps, portalId, signals);
    log.debug('webhook batch processed', { portalId: payload.portalId, events: payload.eventRowIds.length, ...summary });
  });
