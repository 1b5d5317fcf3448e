/**
 * The middle column of the record page: what happened to the record, newest first. Property
 * changes come from the record's history (the values it was created with are folded into one
 * "created" entry, as HubSpot does), activities from the tasks, notes, meetings, calls and emails
 * associated with it, and transactional emails the sandbox sent to it.
 */
import type { CrmRecord } from '../state/crm-record';
import { OBJECT_TYPES, type ObjectType } from '../state/object-types';
import { propertiesOf, recordsOf, type Portal } from '../state/portal';
import { enrollmentsOf } from '../workflows/enrollment-store';
import { displayValue, humanize } from './display-value';

/** One entry of the activity timeline. */
export interface TimelineEntry {
  at: number;
  kind: 'created' | 'property' | 'task' | 'note' | 'meeting' | 'call' | 'email' | 'workflow';
  title: string;
  detail?: string;
  source?: string;
}

// Bookkeeping properties HubSpot does not show as activity.
const HIDDEN = new Set(['lastmodifieddate', 'hs_lastmodifieddate', 'hs_object_id', 'createdate', 'hs_createdate']);
const isHidden = (name: string) => HIDDEN.has(name) || /^hs_lifecyclestage_.*_date$/.test(name);

const ACTIVITIES: { type: ObjectType; kind: TimelineEntry['kind']; title: (p: Map<string, string>) => string; detail: (p: Map<string, string>) => string | undefined }[] = [
  { type: 'tasks', kind: 'task', title: (p) => `Task: ${p.get('hs_task_subject') ?? 'Untitled'}`, detail: (p) => [p.get('hs_task_status'), p.get('hs_task_priority')].filter((v): v is string => Boolean(v)).map(humanize).join(' · ') || undefined },
  { type: 'notes', kind: 'note', title: () => 'Note', detail: (p) => stripHtml(p.get('hs_note_body')) },
  { type: 'meetings', kind: 'meeting', title: (p) => `Meeting: ${p.get('hs_meeting_title') ?? 'Untitled'}`, detail: (p) => (p.get('hs_meeting_outcome') ? humanize(p.get('hs_meeting_outcome')!) : undefined) },
  { type: 'calls', kind: 'call', title: (p) => `Call: ${p.get('hs_call_title') ?? 'Logged call'}`, detail: (p) => stripHtml(p.get('hs_call_body')) },
  { type: 'emails', kind: 'email', title: (p) => `Email: ${p.get('hs_email_subject') ?? '(no subject)'}`, detail: (p) => (p.get('hs_email_status') ? humanize(p.get('hs_email_status')!) : undefined) },
];

function stripHtml(value: string | undefined): string | undefined {
  return value?.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim() || undefined;
}

function activityTime(record: CrmRecord): number {
  const stamp = record.properties.get('hs_timestamp');
  const parsed = stamp ? Date.parse(stamp) : NaN;
  return Number.isNaN(parsed) ? record.createdAt : parsed;
}

export function buildTimeline(portal: Portal, type: ObjectType, record: CrmRecord, singular: string, limit = 40): TimelineEntry[] {
  const definitions = propertiesOf(portal, type);
  const entries: TimelineEntry[] = [{ at: record.createdAt, kind: 'created', title: `${singular} created` }];
  for (const [name, versions] of record.history) {
    if (isHidden(name)) continue;
    for (const version of versions) {
      const at = Date.parse(version.timestamp);
      if (Number.isNaN(at) || at <= record.createdAt) continue;
      const label = definitions.get(name)?.label ?? name;
      entries.push({
        at,
        kind: 'property',
        title: `${label} updated`,
        detail: version.value === '' ? `${label} was cleared` : `${label} changed to ${displayValue(portal, definitions.get(name), name, version.value)}`,
        source: version.sourceType,
      });
    }
  }
  for (const activity of ACTIVITIES) {
    for (const link of portal.associations.list(type, record.id, activity.type)) {
      const engagement = recordsOf(portal, activity.type).get(link.toId);
      if (!engagement || engagement.archived) continue;
      entries.push({ at: activityTime(engagement), kind: activity.kind, title: activity.title(engagement.properties), detail: activity.detail(engagement.properties) });
    }
  }
  if (type === 'contacts') {
    const email = record.properties.get('email')?.toLowerCase();
    for (const sent of portal.sentEmails.values()) {
      if (sent.contactId !== record.id && (!email || sent.to.toLowerCase() !== email)) continue;
      entries.push({ at: Date.parse(sent.completedAt), kind: 'email', title: `Marketing email ${sent.emailId} sent`, detail: `To ${sent.to} · ${sent.sendResult}`, source: 'TRANSACTIONAL_EMAIL' });
    }
  }
  // Native workflows the record is enrolled in (the sandbox's workflow engine), step by step.
  for (const enrollment of enrollmentsOf(portal)) {
    if (enrollment.objectId !== record.id || enrollment.objectTypeId !== OBJECT_TYPES[type].id) continue;
    for (const step of enrollment.log) entries.push({ at: step.at, kind: 'workflow', title: `Workflow: ${enrollment.flowName}`, detail: step.text, source: 'AUTOMATION_PLATFORM' });
  }
  return entries.sort((a, b) => b.at - a.at).slice(0, limit);
}
