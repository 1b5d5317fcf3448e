/**
 * The sandbox demo's fixed facts: which portal it runs in, which contracts go live there, and
 * which (sandbox) HubSpot email each `send_email` template name sends.
 */
import longTermNurture from './contracts/long-term-nurture.json';
import newLeadFollowUp from './contracts/new-lead-follow-up.json';
import noShowRebook from './contracts/no-show-rebook.json';

/** The sandbox's seeded demo portal (lib/sandbox/seed/seed-demo-portals.ts). */
export const DEMO_PORTAL_ID = 62515;

/**
 * The three example contracts (copies of the design examples), in publish order: a handoff
 * target goes live before the contract that hands off to it, so the linter can check the handoff.
 */
export const DEMO_CONTRACTS: readonly { key: string; source: Record<string, unknown> }[] = [
  { key: 'long-term-nurture', source: longTermNurture },
  { key: 'new-lead-follow-up', source: newLeadFollowUp },
  { key: 'no-show-rebook', source: noShowRebook },
];

/**
 * Template name → HubSpot transactional email id. The sandbox sends any numeric id; in a real
 * portal these are the ids of the portal's transactional emails.
 */
export const DEMO_EMAIL_TEMPLATES: Readonly<Record<string, string>> = {
  'welcome-1': '1001',
  'rebook-1': '1002',
  'monthly-digest': '1003',
};

/** The demo contact the landing page and the start-up line point at first (a no-show candidate). */
export const DEMO_FIRST_CONTACT_EMAIL = 'grace.hopper@acme-logistics.example';
