/** The contact books a meeting, or misses one (see signal-sources.ts for what HubSpot changes). */
import { notFound } from '../http/hubspot-errors';
import { associate } from '../state/association-writer';
import type { CrmRecord } from '../state/crm-record';
import { recordsOf, type Portal } from '../state/portal';
import { createRecord, updateRecord } from '../state/record-writer';
import { iso, knownProperties, signalContact, signalSource } from './signal-helpers';

const HOUR = 3_600_000;

/** Books a meeting starting at `startsAt` (default: tomorrow, same time). */
export function bookMeetingSignal(portal: Portal, contactId: string, options: { startsAt?: number; title?: string } = {}): CrmRecord {
  const contact = signalContact(portal, contactId);
  const now = portal.now();
  const start = options.startsAt ?? now + 24 * HOUR;
  const source = signalSource('MEETINGS');
  const meeting = createRecord(portal, 'meetings', {
    hs_timestamp: iso(start),
    hs_meeting_title: options.title ?? 'Discovery call',
    hs_meeting_start_time: iso(start),
    hs_meeting_end_time: iso(start + HOUR / 2),
    hs_meeting_outcome: 'SCHEDULED',
    hs_meeting_source: 'MEETINGS_PUBLIC',
    hs_activity_type: 'Discovery call',
    hubspot_owner_id: contact.properties.get('hubspot_owner_id') ?? '',
  }, source);
  associate(portal, 'meetings', meeting.id, 'contacts', contact.id, source);
  updateRecord(portal, 'contacts', contact.id, knownProperties(portal, {
    engagements_last_meeting_booked: iso(now),
    engagements_last_meeting_booked_source: 'DIRECT_TRAFFIC',
    engagements_last_meeting_booked_medium: 'MEETINGS_PUBLIC',
    engagements_last_meeting_booked_campaign: '',
    hs_latest_meeting_activity: iso(start),
    notes_next_activity_date: start > now ? iso(start) : '',
    last_meeting_outcome: 'SCHEDULED',
  }), source);
  return meeting;
}

/** Marks the contact's latest meeting (or `meetingId`) as NO_SHOW; books a past one first if there is none. */
export function noShowSignal(portal: Portal, contactId: string, options: { meetingId?: string } = {}): CrmRecord {
  const contact = signalContact(portal, contactId);
  const meetings = portal.associations
    .list('contacts', contact.id, 'meetings')
    .map((link) => recordsOf(portal, 'meetings').get(link.toId))
    .filter((m): m is CrmRecord => !!m && !m.archived);
  let meeting = options.meetingId ? meetings.find((m) => m.id === options.meetingId) : meetings.sort((a, b) => Number(b.id) - Number(a.id))[0];
  if (options.meetingId && !meeting) throw notFound(`meeting ${options.meetingId} is not associated with contact ${contactId}`);
  meeting ??= bookMeetingSignal(portal, contactId, { startsAt: portal.now() - HOUR });
  const source = signalSource('MEETINGS');
  updateRecord(portal, 'meetings', meeting.id, { hs_meeting_outcome: 'NO_SHOW' }, source);
  updateRecord(portal, 'contacts', contact.id, knownProperties(portal, {
    hs_latest_meeting_activity: meeting.properties.get('hs_meeting_start_time') ?? iso(portal.now()),
    last_meeting_outcome: 'NO_SHOW',
  }), source);
  return meeting;
}
