/**
 * Issue 9, item 2, through the real webhook route and the worker: a correctly signed batch with
 * one event PostgreSQL or a date cannot hold (an id beyond int64, occurredAt 9e15, attemptNumber
 * 2^31, NUL or a lone surrogate in a value, key or propertyName, no eventId) answers 200, stores
 * each valid event exactly once, and keeps the bad one in skipped_webhook_events with the field
 * and reason; the worker then processes the valid events; a redelivery adds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { signV3 } from '../../../lib/hubspot/signature';
import { listSkippedWebhookEvents } from '../../../lib/runtime/store/skipped-webhook-events';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createHarness, PORTAL, type Harness } from '../runtime/helpers/runtime-harness';

const APP_URL = 'https://waymark.test';
const SECRET = 'hostile-webhook-secret-000000000';
const PATH = '/api/hubspot/webhooks';
type Handler = (request: Request, context: unknown) => Promise<Response>;

let t: TestDatabase;
let h: Harness;
let POST: Handler;
let nextId = 10_000;

function event(extra: Record<string, unknown> = {}) {
  const eventId = nextId++;
  return {
    eventId, subscriptionId: 1, portalId: Number(PORTAL), appId: 1000001, occurredAt: 1_764_460_800_000 + eventId,
    subscriptionType: 'contact.propertyChange', attemptNumber: 0, objectId: eventId, propertyName: 'lifecyclestage',
    propertyValue: 'lead', changeSource: 'CRM_UI', ...extra,
  };
}

function deliver(rawBody: string): Promise<Response> {
  const timestamp = String(Date.now());
  const signature = signV3(SECRET, 'POST', `${APP_URL}${PATH}`, rawBody, timestamp);
  const headers = { 'content-type': 'application/json', 'x-hubspot-request-timestamp': timestamp, 'x-hubspot-signature-v3': signature };
  return POST(new Request(`http://10.0.0.7:3000${PATH}`, { method: 'POST', headers, body: rawBody }), undefined);
}

beforeAll(async () => {
  t = await createTestDatabase();
  Object.assign(process.env, { DATABASE_URL: t.url, APP_URL, HUBSPOT_CLIENT_SECRET: SECRET });
  ({ POST } = (await import('../../../app/api/hubspot/webhooks/route')) as unknown as { POST: Handler });
  h = createHarness(t);
  await h.installed;
});
afterAll(async () => {
  await sharedPrisma(t.url).$disconnect();
  await t.drop();
});

/** Each bad event as raw JSON text (so numbers JSON cannot carry exactly stay as sent). */
const BAD: { name: string; raw: () => string; field: string; reason: RegExp }[] = [
  { name: 'eventId of 20 digits', raw: () => JSON.stringify(event({ eventId: '99999999999999999999' })), field: 'eventId', reason: /64-bit|at most 19/ },
  { name: 'eventId 2^63', raw: () => JSON.stringify(event({ eventId: '9223372036854775808' })), field: 'eventId', reason: /64-bit/ },
  { name: 'eventId as a JSON number past 2^53', raw: () => JSON.stringify(event()).replace(/"eventId":\d+/, '"eventId":99999999999999999999'), field: 'eventId', reason: /./ },
  { name: 'portalId 2^63', raw: () => JSON.stringify(event({ portalId: '9223372036854775808' })), field: 'portalId', reason: /64-bit/ },
  { name: 'objectId of 19 nines', raw: () => JSON.stringify(event({ objectId: '9999999999999999999' })), field: 'objectId', reason: /64-bit/ },
  { name: 'occurredAt 9e15', raw: () => JSON.stringify(event({ occurredAt: 9e15 })), field: 'occurredAt', reason: /9999/ },
  { name: 'attemptNumber 2^31', raw: () => JSON.stringify(event({ attemptNumber: 2 ** 31 })), field: 'attemptNumber', reason: /./ },
  { name: 'NUL in propertyValue', raw: () => JSON.stringify(event({ propertyValue: 'le\u0000ad' })), field: 'propertyValue', reason: /NUL/ },
  { name: 'NUL in propertyName', raw: () => JSON.stringify(event({ propertyName: 'life\u0000cyclestage' })), field: 'propertyName', reason: /NUL/ },
  { name: 'NUL in a key', raw: () => JSON.stringify(event({ 'extra\u0000key': 1 })), field: 'extra\\u0000key', reason: /key must not contain a NUL/ },
  { name: 'lone surrogate in propertyValue', raw: () => JSON.stringify(event({ propertyValue: 'x\ud800' })), field: 'propertyValue', reason: /surrogate/ },
  { name: 'lone surrogate in a nested value', raw: () => JSON.stringify(event({ sourceMetadata: { note: ['\udc00'] } })), field: 'sourceMetadata.note.0', reason: /surrogate/ },
  { name: 'no eventId', raw: () => JSON.stringify({ ...event(), eventId: undefined }), field: 'eventId', reason: /./ },
  { name: 'not an object', raw: () => '42', field: 'event', reason: /JSON object/ },
];

describe('a signed batch with one bad event', () => {
  it.each(BAD)('$name: 200, the three good events stored once, the bad one skipped with field $field', async ({ raw, field, reason }) => {
    const good = [event(), event(), event()];
    const bad = raw();
    const body = `[${JSON.stringify(good[0])},${bad},${JSON.stringify(good[1])},${JSON.stringify(good[2])}]`;
    const skippedBefore = await t.db.skippedWebhookEvent.count();

    const response = await deliver(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ received: 4, stored: 3, skipped: 1 });
    for (const e of good) expect(await t.db.webhookEvent.count({ where: { portalId: PORTAL, eventId: BigInt(e.eventId) } })).toBe(1);
    const [skipped] = await listSkippedWebhookEvents(t.db, { limit: 1 });
    expect(await t.db.skippedWebhookEvent.count()).toBe(skippedBefore + 1);
    expect(skipped).toMatchObject({ field });
    expect(skipped?.reason).toMatch(reason);
    expect(JSON.parse(skipped!.raw)).toEqual(JSON.parse(bad));

    // HubSpot would not retry a 2xx, but a duplicate delivery stores and skips nothing new.
    const again = await deliver(body);
    expect(await again.json()).toMatchObject({ stored: 0, duplicates: 3, skipped: 1 });
    expect(await t.db.skippedWebhookEvent.count()).toBe(skippedBefore + 1);
    for (const e of good) expect(await t.db.webhookEvent.count({ where: { portalId: PORTAL, eventId: BigInt(e.eventId) } })).toBe(1);
  });

  it('the worker processes every stored event of those batches, and each record gets its value', async () => {
    await h.drain();
    const events = await t.db.webhookEvent.findMany({ where: { portalId: PORTAL } });
    expect(events).toHaveLength(BAD.length * 3);
    expect(events.filter((e) => e.processedAt === null)).toEqual([]);
    const states = await t.db.recordState.findMany({ where: { portalId: PORTAL, objectType: 'contact' } });
    expect(states.map((s) => s.recordId).sort()).toEqual(events.map((e) => String(e.objectId)).sort());
    for (const s of states) expect(s.properties).toMatchObject({ lifecyclestage: 'lead' });
  });
});
