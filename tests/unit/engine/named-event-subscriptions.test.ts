/** HubSpot only sends property changes Waymark subscribes to: every named-event property must be. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAMED_EVENT_PROPERTIES, NAMED_EVENT_RULES, namedEventsFor } from '@/lib/engine/named-events';
import { defaultSubscriptions } from '@/lib/sandbox/webhooks/default-subscriptions';

const config = JSON.parse(readFileSync(new URL('../../../hubspot/src/app/webhooks/webhooks-hsmeta.json', import.meta.url), 'utf8')) as {
  config: { subscriptions: { legacyCrmObjects: { subscriptionType: string; propertyName?: string; active: boolean }[] } };
};

describe('named-event properties are subscribed', () => {
  it('in the HubSpot project webhooks config', () => {
    const subscribed = config.config.subscriptions.legacyCrmObjects
      .filter((s) => s.subscriptionType === 'contact.propertyChange' && s.active)
      .map((s) => s.propertyName);
    for (const property of NAMED_EVENT_PROPERTIES) expect(subscribed).toContain(property);
  });

  it('in the sandbox default subscriptions', () => {
    const subscribed = defaultSubscriptions().filter((s) => s.objectType === 'contacts' && s.event === 'propertyChange').map((s) => s.propertyName);
    for (const property of NAMED_EVENT_PROPERTIES) expect(subscribed).toContain(property);
  });
});

describe('named-event rules', () => {
  it('cover every named event', () => {
    expect(new Set(NAMED_EVENT_RULES.map((r) => r.event))).toEqual(new Set(['replied', 'meeting_booked', 'email_bounced']));
  });

  it('a re-sent or older date is not a new event; an unparseable change of text is', () => {
    expect(namedEventsFor('hs_sales_email_last_replied', '2026-11-30T10:00:00Z', '2026-11-30T10:00:00.000Z')).toEqual([]);
    expect(namedEventsFor('hs_sales_email_last_replied', '1796032800000', '2026-11-30T10:00:00Z')).toEqual([]);
    expect(namedEventsFor('hs_sales_email_last_replied', 'garbage', 'other')).toHaveLength(1);
    expect(namedEventsFor('hs_email_hard_bounce_reason_enum', 'UNKNOWN_USER', 'UNKNOWN_USER')).toEqual([]);
    expect(namedEventsFor('firstname', null, 'Ann')).toEqual([]);
  });
});
