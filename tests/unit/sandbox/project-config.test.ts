import { describe, expect, it } from 'vitest';
import { parseAppConfig } from '../../../lib/sandbox/state/read-app-config';
import { defaultSubscriptions } from '../../../lib/sandbox/webhooks/default-subscriptions';
import { parseWebhooksConfig } from '../../../lib/sandbox/webhooks/read-webhooks-config';

describe('HubSpot project config readers', () => {
  it('reads legacy, generic (objectType or objectName) and hub subscriptions', () => {
    const config = parseWebhooksConfig({
      uid: 'w', type: 'webhooks',
      config: {
        settings: { targetUrl: 'https://x.example/hook', maxConcurrentRequests: 8 },
        subscriptions: {
          legacyCrmObjects: [
            { subscriptionType: 'contact.propertyChange', propertyName: 'lifecyclestage', active: true },
            { subscriptionType: 'deal.deletion', active: false },
          ],
          crmObjects: [
            { subscriptionType: 'object.creation', objectType: 'contact', active: true },
            { subscriptionType: 'object.propertyChange', objectName: 'deal', propertyName: 'dealstage', active: true },
          ],
          hubEvents: [{ subscriptionType: 'contact.privacyDeletion', active: true }],
        },
      },
    });
    expect(config.maxConcurrentRequests).toBe(8);
    expect(config.subscriptions.map((s) => [s.format, s.objectType, s.event, s.propertyName ?? null, s.active])).toEqual([
      ['legacy', 'contacts', 'propertyChange', 'lifecyclestage', true],
      ['legacy', 'deals', 'deletion', null, false],
      ['generic', 'contacts', 'creation', null, true],
      ['generic', 'deals', 'propertyChange', 'dealstage', true],
      ['legacy', 'contacts', 'privacyDeletion', null, true],
    ]);
    expect(new Set(config.subscriptions.map((s) => s.id)).size).toBe(5);
  });

  it('rejects a malformed webhooks file instead of guessing', () => {
    expect(() => parseWebhooksConfig({ config: {} })).toThrow();
  });

  it('reads scopes and redirect URLs from the app component', () => {
    expect(
      parseAppConfig({ config: { auth: { redirectUrls: ['http://localhost:3000/cb'], requiredScopes: ['oauth'], optionalScopes: ['automation'], conditionallyRequiredScopes: ['tickets'] } } }),
    ).toEqual({ redirectUrls: ['http://localhost:3000/cb'], requiredScopes: ['oauth'], optionalScopes: ['automation', 'tickets'] });
  });

  it('default subscriptions cover every lifecycle event and the trigger properties', () => {
    const subs = defaultSubscriptions();
    expect(subs.filter((s) => s.objectType === 'contacts' && s.event !== 'propertyChange').map((s) => s.event).sort()).toEqual(
      ['associationChange', 'creation', 'deletion', 'merge', 'privacyDeletion', 'restore'],
    );
    expect(subs.some((s) => s.propertyName === 'last_meeting_outcome')).toBe(true);
  });
});
