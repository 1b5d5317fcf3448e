/** The contact replies to an email (see signal-sources.ts for what HubSpot changes). */
import { associate } from '../state/association-writer';
import type { CrmRecord } from '../state/crm-record';
import type { Portal } from '../state/portal';
import { createRecord, updateRecord } from '../state/record-writer';
import { iso, knownProperties, signalContact, signalSource } from './signal-helpers';

export function replySignal(portal: Portal, contactId: string, options: { channel?: 'sales' | 'marketing'; body?: string } = {}): CrmRecord {
  const contact = signalContact(portal, contactId);
  const at = iso(portal.now());
  const source = signalSource(options.channel === 'marketing' ? 'EMAIL' : 'SALES');
  const email = createRecord(portal, 'emails', {
    hs_timestamp: at,
    hs_email_direction: 'INCOMING_EMAIL',
    hs_email_status: 'SENT',
    hs_email_subject: 'Re: following up',
    hs_email_text: options.body ?? 'Thanks for reaching out. Happy to talk next week.',
    hubspot_owner_id: contact.properties.get('hubspot_owner_id') ?? '',
  }, source);
  associate(portal, 'emails', email.id, 'contacts', contact.id, source);
  const changes: Record<string, string> =
    options.channel === 'marketing'
      ? { hs_email_last_reply_date: at }
      : { hs_sales_email_last_replied: at, hs_last_sales_activity_timestamp: at, notes_last_updated: at };
  updateRecord(portal, 'contacts', contact.id, knownProperties(portal, changes), source);
  return email;
}
