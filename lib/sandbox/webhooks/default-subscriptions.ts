/**
 * The subscriptions a Waymark install needs when the project's webhooks config
 * (hubspot/src/app/webhooks/webhooks-hsmeta.json) is absent: every lifecycle event of the four
 * CRM objects, and property changes of the properties Waymark's triggers, goals and demo signals
 * read. HubSpot delivers property changes only for subscribed property names.
 */
import type { ObjectType } from '../state/object-types';
import type { EventKind, Subscription } from './subscription';

const LIFECYCLE: EventKind[] = ['creation', 'deletion', 'merge', 'restore', 'associationChange'];

const WATCHED: Partial<Record<ObjectType, string[]>> = {
  contacts: [
    'lifecyclestage', 'hs_lead_status', 'hubspot_owner_id', 'email', 'firstname', 'lastname', 'last_meeting_outcome',
    'hs_sales_email_last_replied', 'hs_email_last_reply_date', 'engagements_last_meeting_booked', 'hs_latest_meeting_activity',
    'hs_email_hard_bounce_reason_enum', 'hs_email_bounce', 'hs_email_optout', 'num_employees',
  ],
  companies: ['lifecyclestage', 'hubspot_owner_id', 'name', 'domain'],
  deals: ['dealstage', 'pipeline', 'amount', 'hubspot_owner_id', 'closedate'],
  tickets: ['hs_pipeline_stage', 'hs_ticket_priority', 'hubspot_owner_id'],
};

/** Fresh default subscriptions with ids starting at `firstId`. */
export function defaultSubscriptions(firstId = 1): Subscription[] {
  const out: Subscription[] = [];
  let id = firstId;
  // GDPR deletions (a marketplace listing requirement to honour); contacts only.
  out.push({ id: id++, format: 'legacy', objectType: 'contacts', event: 'privacyDeletion', active: true });
  for (const objectType of ['contacts', 'companies', 'deals', 'tickets'] as const) {
    for (const event of LIFECYCLE) out.push({ id: id++, format: 'legacy', objectType, event, active: true });
    for (const propertyName of WATCHED[objectType] ?? []) {
      out.push({ id: id++, format: 'legacy', objectType, event: 'propertyChange', propertyName, active: true });
    }
  }
  return out;
}
