/**
 * Delivers webhook events to apps the way HubSpot does (reference §2.3, §2.5):
 *
 * - Events for one (portal, app) collect for a short batch window, then go out as JSON arrays of
 *   at most 100 events.
 * - At most `maxConcurrentRequests` (10 by default) requests are in flight per (portal, app); the
 *   rest wait in a ready list. This is the only concurrency control: one queue object per
 *   (portal, app), touched only from the event loop, so no locking is needed.
 * - Each attempt is signed afresh (v1 + v3 headers, new timestamp), must answer 2xx within the
 *   timeout (5 s), and otherwise is retried up to 10 times after jittered, scalable delays with
 *   `attemptNumber` increasing.
 * - `duplicate` and `reorder` controls force the duplicates and out-of-order deliveries HubSpot
 *   allows, so the app's idempotency and ordering handling can be tested on demand.
 */
import { randomInt } from 'node:crypto';
import { signatureHeaders } from '../../hubspot/signature';
import type { SandboxApp } from '../state/sandbox-app';
import type { Portal } from '../state/portal';
import type { RecordChange } from '../state/record-change';
import { buildEvents, type WebhookEvent } from './build-events';
import { MAX_RETRIES, retryDelayMs } from './retry-schedule';

export const MAX_EVENTS_PER_REQUEST = 100;
const MAX_DELIVERY_LOG = 10_000;

/** One delivery attempt, kept for tests and the control API. */
export interface DeliveryRecord {
  portalId: number;
  appId: number;
  attemptNumber: number;
  eventIds: number[];
  status: number | null;
  error?: string;
  ok: boolean;
  duplicate: boolean;
  at: number;
}

/** Test controls HubSpot's delivery guarantees allow. */
export interface DeliveryControls {
  /** Deliver every successful batch a second time. */
  duplicate: boolean;
  /** Deliver events (and batches) in reverse order of occurrence. */
  reorder: boolean;
  /** Per-attempt timeout (HubSpot: 5 s). */
  timeoutMs: number;
}

export interface DispatcherOptions {
  now: () => number;
  retryScale: number;
  timeoutMs: number;
  batchWindowMs: number;
  /** Apps that receive events of a portal: installed, with a target URL. */
  targetsFor: (portalId: number) => SandboxApp[];
  random?: () => number;
}

interface Batch {
  events: WebhookEvent[];
  attempt: number;
  duplicate: boolean;
}

interface Queue {
  portalId: number;
  app: SandboxApp;
  pending: WebhookEvent[];
  ready: Batch[];
  inFlight: number;
  flushTimer: NodeJS.Timeout | null;
}

export class WebhookDispatcher {
  readonly deliveries: DeliveryRecord[] = [];
  readonly controls: DeliveryControls;
  private readonly queues = new Map<string, Queue>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly aborts = new Set<AbortController>();
  private retriesWaiting = 0;
  private idleWaiters: (() => void)[] = [];
  private stopped = false;
  // Random base so event ids stay unique across sandbox restarts (apps dedupe on them).
  private nextId = randomInt(1, 2 ** 47);

  constructor(private readonly options: DispatcherOptions) {
    this.controls = { duplicate: false, reorder: false, timeoutMs: options.timeoutMs };
  }

  /** Feeds one record change; called by every portal's `onChange`. */
  onChange(portal: Portal, change: RecordChange): void {
    if (this.stopped) return;
    for (const app of this.options.targetsFor(portal.id)) {
      const events = buildEvents(change, app.subscriptions, { portalId: portal.id, appId: app.appId }, () => this.nextId++);
      if (events.length === 0) continue;
      const queue = this.queue(portal.id, app);
      queue.pending.push(...events);
      if (!queue.flushTimer) {
        queue.flushTimer = setTimeout(() => this.flush(queue), this.options.batchWindowMs);
      }
    }
  }

  /** Resolves once nothing is pending, waiting for retry, or in flight. */
  drain(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops all timers and aborts requests in flight. */
  stop(): void {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const queue of this.queues.values()) if (queue.flushTimer) clearTimeout(queue.flushTimer);
    for (const abort of this.aborts) abort.abort();
    this.queues.clear();
    this.retriesWaiting = 0;
    this.settle();
  }

  private queue(portalId: number, app: SandboxApp): Queue {
    const key = `${portalId}:${app.appId}`;
    let queue = this.queues.get(key);
    if (!queue) {
      queue = { portalId, app, pending: [], ready: [], inFlight: 0, flushTimer: null };
      this.queues.set(key, queue);
    }
    return queue;
  }

  private flush(queue: Queue): void {
    queue.flushTimer = null;
    const events = this.controls.reorder ? queue.pending.reverse() : queue.pending;
    queue.pending = [];
    for (let i = 0; i < events.length; i += MAX_EVENTS_PER_REQUEST) {
      const batch: Batch = { events: events.slice(i, i + MAX_EVENTS_PER_REQUEST), attempt: 0, duplicate: false };
      if (this.controls.reorder) queue.ready.unshift(batch);
      else queue.ready.push(batch);
    }
    this.pump(queue);
  }

  private pump(queue: Queue): void {
    while (!this.stopped && queue.inFlight < queue.app.maxConcurrentRequests && queue.ready.length > 0) {
      const batch = queue.ready.shift()!;
      queue.inFlight++;
      void this.send(queue, batch).finally(() => {
        queue.inFlight--;
        this.pump(queue);
        this.settle();
      });
    }
    this.settle();
  }

  private async send(queue: Queue, batch: Batch): Promise<void> {
    const target = queue.app.webhookTarget;
    const body = JSON.stringify(batch.events.map((event) => ({ ...event, attemptNumber: batch.attempt })));
    const record: DeliveryRecord = {
      portalId: queue.portalId, appId: queue.app.appId, attemptNumber: batch.attempt,
      eventIds: batch.events.map((e) => e.eventId), status: null, ok: false, duplicate: batch.duplicate, at: this.options.now(),
    };
    if (target) {
      const abort = new AbortController();
      this.aborts.add(abort);
      const timeoutMs = this.controls.timeoutMs;
      const timer = setTimeout(() => abort.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      try {
        const headers = signatureHeaders(queue.app.clientSecret, {
          method: 'POST', uri: target, rawBody: body, timestamp: String(this.options.now()),
        });
        const response = await fetch(target, {
          // A redirect is a non-2xx answer like any other: HubSpot does not follow it.
          method: 'POST', body, signal: abort.signal, redirect: 'manual',
          headers: { 'content-type': 'application/json', 'user-agent': 'HubSpot Connect 2.0 (http://dev.hubspot.com/) (namespace: webhooks-nonretryable)', ...headers },
        });
        await response.arrayBuffer().catch(() => undefined);
        record.status = response.status;
        record.ok = response.status >= 200 && response.status < 300;
      } catch (error) {
        record.error = abort.signal.aborted ? String(abort.signal.reason ?? 'aborted') : String((error as Error).cause ?? error);
      } finally {
        clearTimeout(timer);
        this.aborts.delete(abort);
      }
    } else {
      record.error = 'no target URL configured';
    }
    this.deliveries.push(record);
    // A long dev session must not grow without bound; tests read far fewer than this.
    if (this.deliveries.length > MAX_DELIVERY_LOG) this.deliveries.splice(0, this.deliveries.length - MAX_DELIVERY_LOG);
    if (this.stopped) return;
    if (record.ok) {
      if (this.controls.duplicate && !batch.duplicate) queue.ready.push({ ...batch, duplicate: true });
      return;
    }
    if (batch.attempt >= MAX_RETRIES) return;
    this.retriesWaiting++;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.retriesWaiting--;
      queue.ready.push({ ...batch, attempt: batch.attempt + 1 });
      this.pump(queue);
    }, retryDelayMs(batch.attempt + 1, this.options.retryScale, this.options.random));
    this.timers.add(timer);
  }

  private isIdle(): boolean {
    if (this.retriesWaiting > 0) return false;
    for (const queue of this.queues.values()) {
      if (queue.pending.length > 0 || queue.ready.length > 0 || queue.inFlight > 0 || queue.flushTimer) return false;
    }
    return true;
  }

  private settle(): void {
    if (this.idleWaiters.length === 0 || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const resolve of waiters) resolve();
  }
}
