/**
 * HubSpot-defined properties the sandbox knows per object type. Names and enumeration values
 * follow HubSpot's defaults; read-only ones cannot be written through the API.
 */
import type { ObjectType } from './object-types';
import type { PropertySpec } from './property-definition';

const LIFECYCLE = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer', 'evangelist', 'other'];
const owner: PropertySpec = { name: 'hubspot_owner_id', label: 'Contact owner', type: 'enumeration', options: [] };
const system = (created: string, modified: string): PropertySpec[] => [
  { name: created, type: 'datetime' },
  { name: modified, type: 'datetime', readOnly: true },
  { name: 'hs_object_id', type: 'number', readOnly: true },
];
const engagement = (extra: PropertySpec[]): PropertySpec[] => [
  { name: 'hs_timestamp', type: 'datetime' },
  owner,
  ...system('hs_createdate', 'hs_lastmodifieddate'),
  ...extra,
];
const dt = (name: string, readOnly = false): PropertySpec => ({ name, type: 'datetime', readOnly });

export const DEFAULT_PROPERTIES: Record<ObjectType, PropertySpec[]> = {
  contacts: [
    ...['email', 'firstname', 'lastname', 'phone', 'company', 'jobtitle', 'city', 'country', 'website'].map((name) => ({ name })),
    { name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', options: LIFECYCLE },
    {
      name: 'hs_lead_status',
      label: 'Lead Status',
      type: 'enumeration',
      fieldType: 'radio',
      options: ['NEW', 'OPEN', 'IN_PROGRESS', 'OPEN_DEAL', 'UNQUALIFIED', 'ATTEMPTED_TO_CONTACT', 'CONNECTED', 'BAD_TIMING'],
    },
    owner,
    ...system('createdate', 'lastmodifieddate'),
    { name: 'hs_email_optout', type: 'bool', label: 'Unsubscribed from all email' },
    dt('hs_sales_email_last_replied', true),
    dt('hs_email_last_reply_date', true),
    dt('hs_sales_email_last_opened', true),
    dt('hs_latest_meeting_activity', true),
    dt('engagements_last_meeting_booked', true),
    { name: 'engagements_last_meeting_booked_source', readOnly: true },
    { name: 'engagements_last_meeting_booked_medium', readOnly: true },
    { name: 'engagements_last_meeting_booked_campaign', readOnly: true },
    dt('notes_last_contacted', true),
    dt('notes_last_updated', true),
    dt('notes_next_activity_date', true),
    dt('hs_last_sales_activity_timestamp', true),
    { name: 'num_contacted_notes', type: 'number', readOnly: true },
    { name: 'num_notes', type: 'number', readOnly: true },
    { name: 'hs_email_bounce', type: 'number', readOnly: true, label: 'Marketing emails bounced' },
    { name: 'hs_email_hard_bounce_reason', readOnly: true, label: 'Email hard bounce reason' },
    {
      name: 'hs_email_hard_bounce_reason_enum',
      type: 'enumeration',
      readOnly: true,
      label: 'Email hard bounce reason',
      options: ['MAILBOX_FULL', 'UNKNOWN_USER', 'CONTENT', 'SPAM', 'POLICY', 'DNS_FAILURE', 'GREYLISTING', 'MAILBOX_MISCONFIGURATION', 'TIMEOUT', 'THROTTLED', 'UNCATEGORIZED', 'IP_REPUTATION', 'DMARC', 'SENDING_DOMAIN_MISCONFIGURATION', 'OTHER'],
    },
    { name: 'hs_email_quarantined', type: 'bool', readOnly: true },
    dt('hs_email_last_send_date', true),
    dt('hs_email_last_open_date', true),
    dt('hs_email_last_click_date', true),
    ...LIFECYCLE.map((stage) => dt(`hs_lifecyclestage_${stage}_date`, true)),
  ],
  companies: [
    ...['name', 'domain', 'industry', 'city', 'country', 'phone'].map((name) => ({ name })),
    { name: 'numberofemployees', type: 'number' },
    { name: 'annualrevenue', type: 'number' },
    { name: 'lifecyclestage', type: 'enumeration', fieldType: 'radio', options: LIFECYCLE },
    owner,
    ...system('createdate', 'hs_lastmodifieddate'),
  ],
  deals: [
    { name: 'dealname' },
    { name: 'amount', type: 'number' },
    // Options come from the portal's deal pipelines (validated against them on write).
    { name: 'dealstage', type: 'enumeration', options: [] },
    { name: 'pipeline', type: 'enumeration', options: [] },
    dt('closedate'),
    { name: 'dealtype', type: 'enumeration', options: ['newbusiness', 'existingbusiness'] },
    owner,
    { name: 'hs_is_closed', type: 'bool', readOnly: true },
    { name: 'hs_is_closed_won', type: 'bool', readOnly: true },
    ...system('createdate', 'hs_lastmodifieddate'),
  ],
  tickets: [
    { name: 'subject' },
    { name: 'content' },
    { name: 'hs_pipeline', type: 'enumeration', options: [] },
    { name: 'hs_pipeline_stage', type: 'enumeration', options: [] },
    { name: 'hs_ticket_priority', type: 'enumeration', options: ['LOW', 'MEDIUM', 'HIGH', 'URGENT'] },
    { name: 'hs_ticket_category' },
    owner,
    ...system('createdate', 'hs_lastmodifieddate'),
  ],
  tasks: engagement([
    { name: 'hs_task_subject' },
    { name: 'hs_task_body' },
    { name: 'hs_task_status', type: 'enumeration', options: ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED'] },
    { name: 'hs_task_priority', type: 'enumeration', options: ['NONE', 'LOW', 'MEDIUM', 'HIGH'] },
    { name: 'hs_task_type', type: 'enumeration', options: ['EMAIL', 'CALL', 'TODO', 'LINKED_IN', 'MEETING'] },
    { name: 'hs_task_reminders' },
  ]),
  notes: engagement([{ name: 'hs_note_body' }, { name: 'hs_attachment_ids' }]),
  meetings: engagement([
    { name: 'hs_meeting_title' },
    { name: 'hs_meeting_body' },
    { name: 'hs_internal_meeting_notes' },
    { name: 'hs_meeting_external_url' },
    { name: 'hs_meeting_location' },
    dt('hs_meeting_start_time'),
    dt('hs_meeting_end_time'),
    { name: 'hs_meeting_outcome', type: 'enumeration', options: ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED'] },
    { name: 'hs_activity_type' },
    { name: 'hs_meeting_source', readOnly: true },
  ]),
  calls: engagement([
    { name: 'hs_call_title' },
    { name: 'hs_call_body' },
    { name: 'hs_call_direction', type: 'enumeration', options: ['INBOUND', 'OUTBOUND'] },
    { name: 'hs_call_disposition' },
    { name: 'hs_call_status', type: 'enumeration', options: ['BUSY', 'CALLING_CRM_USER', 'CANCELED', 'COMPLETED', 'CONNECTING', 'FAILED', 'IN_PROGRESS', 'NO_ANSWER', 'QUEUED', 'RINGING'] },
  ]),
  emails: engagement([
    { name: 'hs_email_direction', type: 'enumeration', options: ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'] },
    { name: 'hs_email_subject' },
    { name: 'hs_email_text' },
    { name: 'hs_email_html' },
    { name: 'hs_email_status', type: 'enumeration', options: ['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT'] },
    { name: 'hs_email_headers' },
  ]),
};

/** Properties that must be present when creating a record of a type. */
export const REQUIRED_ON_CREATE: Partial<Record<ObjectType, readonly string[]>> = {
  tasks: ['hs_timestamp'],
  notes: ['hs_timestamp'],
  meetings: ['hs_timestamp'],
  calls: ['hs_timestamp'],
  emails: ['hs_timestamp'],
};
