import { describe, expect, it } from 'vitest';
import appConfig from '../../../hubspot/src/app/app-hsmeta.json';
import webhooksConfig from '../../../hubspot/src/app/webhooks/webhooks-hsmeta.json';
import { OPTIONAL_SCOPES, REQUIRED_SCOPES } from '../../../lib/hubspot/scopes';
import { isStoredSubscription } from '../../../lib/hubspot/webhooks/subscription-types';

// HubSpot rejects an install URL whose scopes differ from the app's configured ones (reference §7).
describe('install scopes', () => {
  it('match the HubSpot project app config exactly', () => {
    expect([...REQUIRED_SCOPES].sort()).toEqual([...appConfig.config.auth.requiredScopes].sort());
    expect([...OPTIONAL_SCOPES].sort()).toEqual([...appConfig.config.auth.optionalScopes].sort());
  });
});

describe('webhook subscriptions', () => {
  it('every subscription in the HubSpot project is one the webhook endpoint stores', () => {
    const subs = Object.values(webhooksConfig.config.subscriptions).flat() as { subscriptionType: string; objectTypeId?: string }[];
    expect(subs.length).toBeGreaterThan(0);
    for (const sub of subs) expect(isStoredSubscription(sub.subscriptionType, sub.objectTypeId), sub.subscriptionType).toBe(true);
  });
});
