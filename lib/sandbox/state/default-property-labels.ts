/**
 * HubSpot's own labels for the default properties the sandbox defines, so the properties API,
 * the record page and the timeline say "Job Title" and "Number of Employees" rather than a label
 * made from the internal name ("Jobtitle", "Numberofemployees"). Labels from HubSpot's default
 * property catalog; a property not listed here keeps the generated label.
 */
import type { ObjectType } from './object-types';

const SHARED: Record<string, string> = {
  createdate: 'Create Date',
  hs_createdate: 'Create Date',
  hs_lastmodifieddate: 'Last Modified Date',
  lastmodifieddate: 'Last Modified Date',
  hs_object_id: 'Record ID',
  hs_timestamp: 'Activity date',
  hubspot_owner_id: 'Owner',
  lifecyclestage: 'Lifecycle Stage',
  city: 'City',
  country: 'Country/Region',
  phone: 'Phone Number',
};

const STAGE_LABELS: Record<string, string> = {
  subscriber: 'Subscriber', lead: 'Lead', marketingqualifiedlead: 'Marketing Qualified Lead', salesqualifiedlead: 'Sales Qualified Lead',
  opportunity: 'Opportunity', customer: 'Customer', evangelist: 'Evangelist', other: 'Other',
};

const BY_TYPE: Partial<Record<ObjectType, Record<string, string>>> = {
  contacts: {
    email: 'Email', firstname: 'First Name', lastname: 'Last Name', company: 'Company Name', jobtitle: 'Job Title', website: 'Website URL',
    hubspot_owner_id: 'Contact owner',
    hs_email_quarantined: 'Email address quarantined', hs_email_last_send_date: 'Last marketing email send date',
    hs_email_last_open_date: 'Last marketing email open date', hs_email_last_click_date: 'Last marketing email click date',
    hs_sales_email_last_replied: 'Recent Sales Email Replied Date', hs_sales_email_last_opened: 'Recent Sales Email Opened Date',
    hs_email_last_reply_date: 'Last email reply date', hs_latest_meeting_activity: 'Latest meeting activity',
    engagements_last_meeting_booked: 'Date of last meeting booked in meetings tool',
    engagements_last_meeting_booked_source: 'Source of last booking in meetings tool',
    engagements_last_meeting_booked_medium: 'Medium of last booking in meetings tool',
    engagements_last_meeting_booked_campaign: 'Campaign of last booking in meetings tool',
    notes_last_contacted: 'Last Contacted', notes_last_updated: 'Last Activity Date', notes_next_activity_date: 'Next Activity Date',
    hs_last_sales_activity_timestamp: 'Last Engagement Date', num_contacted_notes: 'Number of Sales Activities', num_notes: 'Number of times contacted',
    ...Object.fromEntries(Object.entries(STAGE_LABELS).map(([stage, label]) => [`hs_lifecyclestage_${stage}_date`, `Became a ${label} Date`])),
  },
  companies: {
    name: 'Company name', domain: 'Company Domain Name', industry: 'Industry', numberofemployees: 'Number of Employees',
    annualrevenue: 'Annual Revenue', hubspot_owner_id: 'Company owner',
  },
  deals: {
    dealname: 'Deal Name', amount: 'Amount', dealstage: 'Deal Stage', pipeline: 'Pipeline', closedate: 'Close Date', dealtype: 'Deal Type',
    hubspot_owner_id: 'Deal owner', hs_is_closed: 'Is Deal Closed?', hs_is_closed_won: 'Is Closed Won',
  },
  tickets: {
    subject: 'Ticket name', content: 'Ticket description', hs_pipeline: 'Pipeline', hs_pipeline_stage: 'Ticket status',
    hs_ticket_priority: 'Priority', hs_ticket_category: 'Category', hubspot_owner_id: 'Ticket owner',
  },
  tasks: { hs_task_subject: 'Task Title', hs_task_body: 'Task notes', hs_task_status: 'Task Status', hs_task_priority: 'Priority', hs_task_type: 'Task Type', hs_task_reminders: 'Reminders' },
  notes: { hs_note_body: 'Note body', hs_attachment_ids: 'Attachment IDs' },
  meetings: {
    hs_meeting_title: 'Meeting name', hs_meeting_body: 'Meeting description', hs_internal_meeting_notes: 'Internal Meeting Notes',
    hs_meeting_external_url: 'External URL', hs_meeting_location: 'Location', hs_meeting_start_time: 'Meeting start time',
    hs_meeting_end_time: 'Meeting end time', hs_meeting_outcome: 'Meeting outcome', hs_activity_type: 'Call and meeting type', hs_meeting_source: 'Meeting source',
  },
  calls: { hs_call_title: 'Call Title', hs_call_body: 'Call notes', hs_call_direction: 'Call direction', hs_call_disposition: 'Call outcome', hs_call_status: 'Call status' },
  emails: {
    hs_email_direction: 'Email direction', hs_email_subject: 'Email subject', hs_email_text: 'Email body', hs_email_html: 'Email HTML',
    hs_email_status: 'Email send status', hs_email_headers: 'Email headers',
  },
};

/** HubSpot's label for a default property of `type`, if the sandbox knows it. */
export function defaultPropertyLabel(type: ObjectType, name: string): string | undefined {
  return BY_TYPE[type]?.[name] ?? SHARED[name];
}
