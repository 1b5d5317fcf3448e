import { describe, expect, it } from 'vitest';
import { isStoredSubscription } from '../../../lib/hubspot/webhooks/subscription-types';
import { webhookBodySchema, webhookEventSchema } from '../../../lib/hubspot/webhooks/webhook-event-schema';
import { pathAndQuery, signedUri } from '../../../lib/hubspot/verify-signed-request';

describe('webhook event schema', () => {
  it('parses HubSpot\'s documented example and keeps ids as bigint', () => {
    const e = webhookEventSchema.parse({
      eventId: 1, subscriptionId: 12345, portalId: 62515, occurredAt: 1564113600000, subscriptionType: 'contact.creation',
      attemptNumber: 0, objectId: 123, changeSource: 'CRM', changeFlag: 'NEW', appId: 54321,
    });
    expect(e.portalId).toBe(62515n);
    expect(e.eventId).toBe(1n);
    expect(e.objectId).toBe(123n);
  });

  it('rejects events without the fields needed to store them', () => {
    expect(webhookEventSchema.safeParse({ portalId: 1, occurredAt: 1, subscriptionType: 'x' }).success).toBe(false);
    expect(webhookEventSchema.safeParse({ eventId: -1, portalId: 1, occurredAt: 1, subscriptionType: 'x' }).success).toBe(false);
  });

  it('caps a delivery at 100 events', () => {
    expect(webhookBodySchema.safeParse(new Array(100).fill({})).success).toBe(true);
    expect(webhookBodySchema.safeParse(new Array(101).fill({})).success).toBe(false);
    expect(webhookBodySchema.safeParse({}).success).toBe(false);
  });
});

describe('stored subscription types', () => {
  it('stores CRM object events for the four object types and GDPR deletions', () => {
    expect(isStoredSubscription('contact.propertyChange')).toBe(true);
    expect(isStoredSubscription('deal.creation')).toBe(true);
    expect(isStoredSubscription('contact.privacyDeletion')).toBe(true);
    expect(isStoredSubscription('object.propertyChange', '0-3')).toBe(true);
  });

  it('ignores other families and generic events for other object types', () => {
    expect(isStoredSubscription('conversation.newMessage')).toBe(false);
    expect(isStoredSubscription('product.creation')).toBe(false);
    expect(isStoredSubscription('object.creation', '0-7')).toBe(false);
    expect(isStoredSubscription('object.creation')).toBe(false);
    expect(isStoredSubscription('something.new')).toBe(false);
  });
});

describe('signed URI', () => {
  it('uses the configured app URL with the request path and query as sent, never the Host', () => {
    expect(signedUri('https://waymark.example', 'http://10.0.0.5:3000/api/hubspot/webhooks?a=%3A1&b=c%20d')).toBe(
      'https://waymark.example/api/hubspot/webhooks?a=%3A1&b=c%20d',
    );
    expect(pathAndQuery('http://h/x#frag')).toBe('/x');
    expect(pathAndQuery('http://h')).toBe('/');
  });
});
