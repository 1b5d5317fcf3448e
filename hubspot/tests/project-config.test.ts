import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { APP_URL, CARD_PATH } from '../src/app/cards/waymark-config';

const root = fileURLToPath(new URL('..', import.meta.url));
const readJson = (path: string) => JSON.parse(readFileSync(`${root}/${path}`, 'utf8'));

const project = readJson('hsproject.json');
const app = readJson('src/app/app-hsmeta.json');
const webhooks = readJson('src/app/webhooks/webhooks-hsmeta.json');
const card = readJson('src/app/cards/waymark-card-hsmeta.json');

interface Subscription {
  subscriptionType: string;
  propertyName?: string;
  active: boolean;
}
const legacy: Subscription[] = webhooks.config.subscriptions.legacyCrmObjects;
const hubEvents: Subscription[] = webhooks.config.subscriptions.hubEvents;
const scopes = new Set<string>([...app.config.auth.requiredScopes, ...app.config.auth.optionalScopes]);

// Read scope HubSpot requires for each webhook object family and card object type (reference §2.2, §4.5).
const READ_SCOPE: Record<string, string> = {
  contact: 'crm.objects.contacts.read',
  company: 'crm.objects.companies.read',
  deal: 'crm.objects.deals.read',
  ticket: 'tickets',
  contacts: 'crm.objects.contacts.read',
  companies: 'crm.objects.companies.read',
  deals: 'crm.objects.deals.read',
};

describe('hsproject.json', () => {
  it('targets platform 2025.2 with the app under srcDir', () => {
    expect(project.platformVersion).toBe('2025.2');
    expect(existsSync(`${root}/${project.srcDir}/app/app-hsmeta.json`)).toBe(true);
  });
});

describe('app-hsmeta.json', () => {
  it('is a marketplace OAuth app whose redirect URLs are the OAuth callback', () => {
    expect(app.type).toBe('app');
    expect(app.config.distribution).toBe('marketplace');
    expect(app.config.auth.type).toBe('oauth');
    for (const url of app.config.auth.redirectUrls) expect(new URL(url).pathname).toBe('/api/hubspot/oauth/callback');
    expect(app.config.auth.redirectUrls).toContain(`${APP_URL}/api/hubspot/oauth/callback`);
  });

  it('never lists a scope as both required and optional', () => {
    const required = new Set(app.config.auth.requiredScopes);
    expect(app.config.auth.optionalScopes.filter((s: string) => required.has(s))).toEqual([]);
    expect(required.has('oauth')).toBe(true);
  });

  it('permits the card to fetch from and frame the app URL, over HTTPS and not localhost', () => {
    expect(app.config.permittedUrls.fetch).toContain(APP_URL);
    expect(app.config.permittedUrls.iframe).toContain(APP_URL);
    for (const url of [...app.config.permittedUrls.fetch, ...app.config.permittedUrls.iframe]) {
      expect(new URL(url).protocol).toBe('https:');
      expect(new URL(url).hostname).not.toBe('localhost');
    }
  });

  it('names support contacts', () => {
    expect(app.config.support.supportEmail).toMatch(/@/);
    expect(new URL(app.config.support.documentationUrl).protocol).toBe('https:');
  });
});

describe('webhooks-hsmeta.json', () => {
  it('delivers to the webhook endpoint on the app URL', () => {
    expect(webhooks.config.settings.targetUrl).toBe(`${APP_URL}/api/hubspot/webhooks`);
    expect(webhooks.config.settings.maxConcurrentRequests).toBeGreaterThan(5);
  });

  it('subscribes to every record lifecycle event of contacts, companies, deals and tickets', () => {
    const types = new Set(legacy.map((s) => s.subscriptionType));
    for (const object of ['contact', 'company', 'deal', 'ticket']) {
      for (const event of ['creation', 'deletion', 'merge', 'restore', 'associationChange']) {
        expect(types, `${object}.${event}`).toContain(`${object}.${event}`);
      }
    }
    expect(hubEvents).toContainEqual({ subscriptionType: 'contact.privacyDeletion', active: true });
  });

  it('watches the contact properties the runtime triggers, waits and goals read', () => {
    const watched = legacy.filter((s) => s.subscriptionType === 'contact.propertyChange').map((s) => s.propertyName);
    expect(watched).toEqual(
      expect.arrayContaining([
        'lifecyclestage',
        'hs_lead_status',
        'last_meeting_outcome',
        'hubspot_owner_id',
        'num_employees',
        'hs_email_optout',
        'hs_sales_email_last_replied',
        'engagements_last_meeting_booked',
        'hs_email_hard_bounce_reason_enum',
      ]),
    );
  });

  it('has well-formed, unique, active subscriptions HubSpot accepts', () => {
    const keys = legacy.map((s) => `${s.subscriptionType}:${s.propertyName ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(legacy.length + hubEvents.length).toBeLessThanOrEqual(1000);
    for (const s of legacy) {
      expect(s.active).toBe(true);
      const isPropertyChange = s.subscriptionType.endsWith('.propertyChange');
      expect(Boolean(s.propertyName), s.subscriptionType).toBe(isPropertyChange);
      expect(['hs_lastmodifieddate', 'num_unique_conversion_events']).not.toContain(s.propertyName);
    }
  });

  it('only subscribes to objects the app holds a read scope for', () => {
    for (const s of legacy) {
      const object = s.subscriptionType.split('.')[0]!;
      expect(scopes, s.subscriptionType).toContain(READ_SCOPE[object]);
    }
  });
});

describe('waymark-card-hsmeta.json', () => {
  it('places the card on contact, company and deal records and points at the card source', () => {
    expect(card.type).toBe('card');
    expect(card.config.location).toBe('crm.record.sidebar');
    expect(card.config.objectTypes).toEqual(['contacts', 'companies', 'deals']);
    expect(existsSync(`${root}/${project.srcDir}${card.config.entrypoint}`)).toBe(true);
    for (const type of card.config.objectTypes) expect(scopes).toContain(READ_SCOPE[type]);
  });

  it('fetches the card backend on a permitted URL', () => {
    expect(app.config.permittedUrls.fetch.some((url: string) => `${APP_URL}${CARD_PATH}`.startsWith(url))).toBe(true);
  });
});
