// Webhook delivery (reference §2.3–2.5): JSON arrays of ≤100 events, v1 and v3 signatures,
// retries with increasing attemptNumber on non-2xx and on timeouts, ≤10 requests in flight.
import { expect } from 'vitest';
import { signV1, verifyV3 } from '../../lib/hubspot/signature';
import { sdk } from './target/access-token';
import type { CapturedDelivery, ConformanceTarget } from './target/conformance-target';
import { forEachTarget, itWith } from './target/targets';

function expectSigned(target: ConformanceTarget, delivery: CapturedDelivery): void {
  const headers = delivery.headers;
  expect(headers['x-hubspot-signature-version']).toBe('v1');
  expect(headers['x-hubspot-signature']).toBe(signV1(target.clientSecret, delivery.rawBody));
  const result = verifyV3({
    method: 'POST', uri: delivery.url, rawBody: delivery.rawBody, clientSecrets: [target.clientSecret], now: delivery.receivedAt,
    signature: String(headers['x-hubspot-signature-v3']), timestamp: String(headers['x-hubspot-request-timestamp']),
  });
  expect(result).toEqual({ ok: true, secretIndex: 0 });
}

function expectEventShape(event: Record<string, unknown>, portalId: number): void {
  expect(event).toMatchObject({
    eventId: expect.any(Number), subscriptionId: expect.any(Number), portalId, appId: expect.any(Number),
    occurredAt: expect.any(Number), subscriptionType: expect.stringMatching(/^[a-z_]+\.[a-zA-Z]+$/), attemptNumber: expect.any(Number),
  });
}

async function createContacts(target: ConformanceTarget, count: number): Promise<string[]> {
  const client = await sdk(target);
  const ids: string[] = [];
  for (let start = 0; start < count; start += 100) {
    const inputs = Array.from({ length: Math.min(100, count - start) }, (_, i) => ({
      properties: { email: `hook-${Date.now()}-${start + i}@example.com`, lifecyclestage: 'lead' }, associations: [],
    }));
    const created = await client.crm.contacts.batchApi.create({ inputs });
    ids.push(...created.results.map((r) => r.id));
  }
  return ids;
}

forEachTarget('Webhook delivery', (target) => {
  itWith('liveWebhooks', target, 'deliveries are signed (v1 + v3), JSON arrays of at most 100 events in HubSpot shape', async () => {
    const hooks = target().webhooks!;
    hooks.reset();
    const ids = await createContacts(target(), 130);
    await hooks.drain();
    const events = hooks.requests.flatMap((r) => r.events);
    for (const request of hooks.requests) {
      expect(request.events.length).toBeLessThanOrEqual(100);
      expectSigned(target(), { ...request, url: hooks.url, receivedAt: request.at });
    }
    // 130 creations and 130 lifecycle stage changes: more than one request was needed.
    expect(hooks.requests.length).toBeGreaterThanOrEqual(3);
    for (const id of ids) {
      expect(events).toContainEqual(expect.objectContaining({ subscriptionType: 'contact.creation', objectId: Number(id), changeFlag: 'CREATED' }));
      expect(events).toContainEqual(expect.objectContaining({ subscriptionType: 'contact.propertyChange', objectId: Number(id), propertyName: 'lifecyclestage', propertyValue: 'lead' }));
    }
    events.forEach((event) => expectEventShape(event, target().portalId));
  }, 30_000);

  itWith('liveWebhooks', target, 'a non-2xx answer is retried with increasing attemptNumber until 2xx', async () => {
    const hooks = target().webhooks!;
    hooks.reset();
    hooks.respond((_request, index) => (index < 3 ? 503 : 200));
    await createContacts(target(), 1);
    await hooks.drain();
    const attempts = hooks.requests.map((r) => r.events[0]!.attemptNumber);
    // Exactly four: three 503s retried, then the 2xx ends the delivery.
    expect(attempts).toEqual([0, 1, 2, 3]);
    const ids = new Set(hooks.requests.map((r) => r.rawBody.replace(/"attemptNumber":\d+/g, '')));
    expect(ids.size).toBe(1);
  }, 30_000);

  itWith('liveWebhooks', target, 'a delivery that times out is retried; at most 10 retries in all', async () => {
    const hooks = target().webhooks!;
    hooks.reset();
    hooks.setTimeoutMs(300);
    hooks.respond(() => 'hang');
    await createContacts(target(), 1);
    await hooks.drain();
    const attempts = hooks.requests.map((r) => r.events[0]!.attemptNumber);
    expect(attempts).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  }, 60_000);

  itWith('liveWebhooks', target, 'never more than 10 requests in flight per portal', async () => {
    const hooks = target().webhooks!;
    hooks.reset();
    hooks.respond(() => ({ status: 204, delayMs: 50 }));
    await createContacts(target(), 1500);
    await hooks.drain();
    expect(hooks.requests.length).toBeGreaterThan(10);
    expect(hooks.inFlightPeak()).toBeLessThanOrEqual(10);
  }, 60_000);

  itWith('capturedDeliveries', target, 'recorded real deliveries verify with v1 and v3 signatures', async () => {
    const deliveries = await target().capturedDeliveries!();
    expect(deliveries.length).toBeGreaterThan(0);
    for (const delivery of deliveries) {
      expectSigned(target(), delivery);
      const events = JSON.parse(delivery.rawBody) as Record<string, unknown>[];
      expect(events.length).toBeLessThanOrEqual(100);
      events.forEach((event) => expectEventShape(event, target().portalId));
    }
  });
});
