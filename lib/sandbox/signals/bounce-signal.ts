/** An email to the contact hard-bounces (see signal-sources.ts for what HubSpot changes). */
import type { CrmRecord } from '../state/crm-record';
import type { Portal } from '../state/portal';
import { updateRecord } from '../state/record-writer';
import { knownProperties, signalContact, signalSource } from './signal-helpers';

const SMTP_TEXT: Record<string, string> = {
  UNKNOWN_USER: '550 5.1.1 The email account that you tried to reach does not exist.',
  MAILBOX_FULL: '552 5.2.2 The recipient\'s mailbox is full.',
  DNS_FAILURE: '550 5.1.2 Domain not found.',
  POLICY: '550 5.7.1 Message rejected due to local policy.',
};

export function bounceSignal(portal: Portal, contactId: string, options: { reason?: string } = {}): CrmRecord {
  const contact = signalContact(portal, contactId);
  const reason = options.reason ?? 'UNKNOWN_USER';
  const count = Number(contact.properties.get('hs_email_bounce') || 0) + 1;
  const updated = updateRecord(portal, 'contacts', contact.id, knownProperties(portal, {
    hs_email_hard_bounce_reason_enum: reason,
    hs_email_hard_bounce_reason: SMTP_TEXT[reason] ?? `550 ${reason}`,
    hs_email_bounce: String(count),
  }), signalSource('EMAIL'));
  // From now on sends to this contact fail for good, as HubSpot suppresses bounced addresses.
  portal.emailFailures.set(contact.id, 'PREVIOUSLY_BOUNCED');
  return updated;
}
