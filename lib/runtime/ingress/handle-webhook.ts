/**
 * Webhook ingress: verify → persist → 2xx. Nothing else happens on the request path; the
 * events are processed later by the `process-webhook-batch` job.
 *
 * - Bad or missing v3 signature (or a timestamp outside the 5-minute window) → 401, nothing stored.
 * - Signed but malformed body (not JSON, not an array, more than 100 events) → 400 with a
 *   message. HubSpot never sends such a body, so this is a bug or an attack worth seeing.
 * - A signed event that cannot be stored (no eventId, an id beyond int64, a time no date holds,
 *   NUL or a lone surrogate anywhere in it; see read-webhook-event.ts) is skipped: logged and
 *   kept in `skipped_webhook_events` with the field and reason, while every valid event of the
 *   same delivery is stored and the delivery answered 2xx (a 500 would make HubSpot retry, then
 *   drop, the whole batch).
 * - Well-formed events of types we do not use, or for portals without an active installation →
 *   acknowledged (2xx) and logged, not stored, so HubSpot stops retrying them.
 * - Stored events: once per (portal, eventId) via the unique index, and one job per portal
 *   enqueued in the same transaction, keyed by the new rows' ids. A duplicate delivery (at the
 *   same time or hours later) stores nothing new and therefore enqueues nothing.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../../db/prisma';
import { HttpError } from '../../http/http-error';
import { readText } from '../../http/route';
import { log } from '../../log';
import { enqueue } from '../../queue/enqueue';
import { verifyHubSpotRequest, type SignedRequestConfig } from '../../hubspot/verify-signed-request';
import { readWebhookEvent } from '../../hubspot/webhooks/read-webhook-event';
import { isStoredSubscription } from '../../hubspot/webhooks/subscription-types';
import { webhookBodySchema } from '../../hubspot/webhooks/webhook-event-schema';
import { processWebhookBatchJob } from '../jobs/definitions/process-webhook-batch';
import { activeInstallationsAmong } from '../store/installations';
import { storeSkippedWebhookEvents, type SkippedWebhookEventRow } from '../store/skipped-webhook-events';
import { storeWebhookEvents, type WebhookEventRow } from '../store/store-webhook-events';

export interface WebhookDeps extends SignedRequestConfig {
  db: Db;
  /** Injected clock (signature window). */
  now: () => Date;
}

/** What the endpoint answers with (also useful to tests and logs). */
export interface WebhookReceipt {
  received: number;
  stored: number;
  duplicates: number;
  ignoredTypes: number;
  unknownPortals: number;
  /** Events refused one by one (kept in skipped_webhook_events with the reason). */
  skipped: number;
}

function parseEvents(rawBody: string): { rows: WebhookEventRow[]; skipped: SkippedWebhookEventRow[]; ignoredTypes: number; received: number } {
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new HttpError(400, 'Webhook body is not valid JSON');
  }
  const list = webhookBodySchema.safeParse(json);
  if (!list.success) throw new HttpError(400, `Webhook body must be a JSON array of events: ${list.error.issues[0]?.message}`);
  const rows: WebhookEventRow[] = [];
  const skipped: SkippedWebhookEventRow[] = [];
  let ignoredTypes = 0;
  list.data.forEach((item, index) => {
    const read = readWebhookEvent(item);
    if (!read.ok) {
      const { ok: _ok, ...row } = read;
      log.warn('webhook event skipped', { index, portalId: String(row.portalId), eventId: String(row.eventId), field: row.field, reason: row.reason });
      skipped.push(row);
      return;
    }
    const e = read.event;
    if (!isStoredSubscription(e.subscriptionType, e.objectTypeId)) {
      ignoredTypes += 1;
      return;
    }
    rows.push({
      portalId: e.portalId,
      eventId: e.eventId,
      subscriptionType: e.subscriptionType,
      objectId: e.objectId ?? null,
      occurredAt: new Date(e.occurredAt),
      attemptNumber: e.attemptNumber,
      payload: read.payload,
    });
  });
  return { rows, skipped, ignoredTypes, received: list.data.length };
}

/** A job key that is the same for the same set of stored rows, whatever their order. */
export function webhookJobKey(portalId: bigint, rowIds: readonly bigint[]): string {
  const digest = createHash('sha256')
    .update([...rowIds].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join(','))
    .digest('base64url')
    .slice(0, 32);
  return `process-webhook-batch:${portalId}:${digest}`;
}

async function persist(db: Db, byPortal: Map<bigint, WebhookEventRow[]>, skipped: readonly SkippedWebhookEventRow[]): Promise<number> {
  const byId = (a: bigint, b: bigint) => (a < b ? -1 : a > b ? 1 : 0);
  return db.$transaction(async (tx) => {
    let stored = 0;
    await storeSkippedWebhookEvents(tx, skipped);
    // Portals and events in ascending order: concurrent deliveries that overlap then take the
    // unique-index locks in the same order, so they wait for each other instead of deadlocking.
    for (const portalId of [...byPortal.keys()].sort(byId)) {
      const rows = [...(byPortal.get(portalId) ?? [])].sort((a, b) => byId(a.eventId, b.eventId));
      const fresh = await storeWebhookEvents(tx, rows);
      stored += fresh.length;
      if (fresh.length === 0) continue;
      await enqueue(
        tx,
        processWebhookBatchJob,
        { portalId: portalId.toString(), eventRowIds: fresh.map(String) },
        { jobKey: webhookJobKey(portalId, fresh), mode: 'unsafe_dedupe' },
      );
    }
    return stored;
  });
}

/** A delivery is at most 100 events of about 1 KB; anything far larger is refused unread. */
const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/** Verifies, stores and enqueues one webhook delivery. */
export async function handleWebhook(deps: WebhookDeps, request: Request): Promise<Response> {
  const rawBody = await readText(request, MAX_WEBHOOK_BODY_BYTES);
  const verdict = verifyHubSpotRequest(deps, request, rawBody, deps.now().getTime());
  if (!verdict.ok) {
    log.warn('webhook rejected: bad signature', { reason: verdict.reason });
    return Response.json({ error: 'Invalid or missing HubSpot signature', reason: verdict.reason }, { status: 401 });
  }
  const { rows, skipped, ignoredTypes, received } = parseEvents(rawBody);

  // Only portals with an active installation are stored; the rest are acknowledged and logged.
  const portals = [...new Set(rows.map((r) => r.portalId))];
  const active = await activeInstallationsAmong(deps.db, portals);
  const byPortal = new Map<bigint, WebhookEventRow[]>();
  let unknownPortals = 0;
  for (const row of rows) {
    if (!active.has(row.portalId)) {
      unknownPortals += 1;
      continue;
    }
    const list = byPortal.get(row.portalId) ?? [];
    if (!list.some((r) => r.eventId === row.eventId)) list.push(row);
    byPortal.set(row.portalId, list);
  }
  const stored = byPortal.size > 0 || skipped.length > 0 ? await persist(deps.db, byPortal, skipped) : 0;
  const wanted = rows.length - unknownPortals;
  const receipt: WebhookReceipt = { received, stored, duplicates: wanted - stored, ignoredTypes, unknownPortals, skipped: skipped.length };
  if (unknownPortals > 0) log.info('webhook events for portals without an active installation skipped', { unknownPortals, portals: portals.map(String) });
  log.info('webhook delivery accepted', { ...receipt });
  return Response.json(receipt, { status: 200 });
}
