/**
 * Everything the fake HubSpot record page shows for one record, built from the sandbox's state:
 * the header (name, subtitle, owner), the "About" properties, the timeline, the associated records
 * in the right column, and the context the app card receives (as HubSpot's `context`).
 */
import type { CrmRecord } from '../state/crm-record';
import { OBJECT_TYPES, type ObjectType } from '../state/object-types';
import { propertiesOf, recordsOf, type Portal } from '../state/portal';
import { displayValue } from './display-value';
import { buildTimeline, type TimelineEntry } from './timeline';

/** Record page data, ready to render. */
export interface RecordView {
  portalId: number;
  portalDomain: string;
  objectType: ObjectType;
  objectTypeId: string;
  singular: string;
  /** The object type's plural label ("Companies"), as HubSpot's navigation says it. */
  plural: string;
  recordId: string;
  title: string;
  subtitle: string;
  owner: string | null;
  about: { name: string; label: string; value: string }[];
  timeline: TimelineEntry[];
  associations: { type: ObjectType; label: string; items: { id: string; name: string }[] }[];
}

// The properties HubSpot's default "About this …" card shows first, per object type.
const ABOUT: Record<string, string[]> = {
  contacts: ['email', 'phone', 'jobtitle', 'hubspot_owner_id', 'lifecyclestage', 'hs_lead_status', 'last_meeting_outcome', 'num_employees', 'hs_email_optout', 'city', 'country'],
  companies: ['domain', 'industry', 'numberofemployees', 'hubspot_owner_id', 'lifecyclestage', 'city', 'country', 'phone'],
  deals: ['amount', 'dealstage', 'pipeline', 'closedate', 'hubspot_owner_id', 'dealtype'],
  tickets: ['subject', 'hs_pipeline_stage', 'hs_ticket_priority', 'hubspot_owner_id', 'hs_ticket_category'],
};
const SINGULAR: Record<string, string> = { contacts: 'Contact', companies: 'Company', deals: 'Deal', tickets: 'Ticket' };
const ASSOCIATED: ObjectType[] = ['contacts', 'companies', 'deals', 'tickets'];
const PLURAL_LABEL: Record<string, string> = { contacts: 'Contacts', companies: 'Companies', deals: 'Deals', tickets: 'Tickets' };

/** The name HubSpot uses as a record's title. */
export function recordName(type: ObjectType, record: CrmRecord): string {
  const p = (name: string) => record.properties.get(name) ?? '';
  const name =
    type === 'contacts' ? `${p('firstname')} ${p('lastname')}`.trim() || p('email')
    : type === 'companies' ? p('name') || p('domain')
    : type === 'deals' ? p('dealname')
    : p('subject');
  return name || `${SINGULAR[type] ?? 'Record'} ${record.id}`;
}

function subtitle(portal: Portal, type: ObjectType, record: CrmRecord): string {
  const p = (name: string) => record.properties.get(name) ?? '';
  if (type === 'contacts') return [p('jobtitle'), p('email')].filter(Boolean).join(' · ');
  if (type === 'companies') return [p('domain'), p('industry')].filter(Boolean).join(' · ');
  if (type === 'deals') {
    const stage = displayValue(portal, undefined, 'dealstage', p('dealstage'));
    return [p('amount') ? `Amount: ${displayValue(portal, undefined, 'amount', p('amount'))}` : '', stage ? `Stage: ${stage}` : ''].filter(Boolean).join(' · ');
  }
  return p('hs_pipeline_stage');
}

export function buildRecordView(portal: Portal, type: ObjectType, record: CrmRecord): RecordView {
  const definitions = propertiesOf(portal, type);
  const singular = SINGULAR[type] ?? 'Record';
  const names = ABOUT[type] ?? [];
  const about = names
    .map((name) => ({ name, value: record.properties.get(name) ?? '' }))
    .filter((entry) => entry.value !== '')
    .map(({ name, value }) => ({
      name,
      label: definitions.get(name)?.label ?? name,
      value: displayValue(portal, definitions.get(name), name, value),
    }));
  const ownerId = record.properties.get('hubspot_owner_id');
  const owner = ownerId ? displayValue(portal, undefined, 'hubspot_owner_id', ownerId) : null;
  const associations = ASSOCIATED.filter((other) => other !== type)
    .map((other) => ({
      type: other,
      label: PLURAL_LABEL[other] ?? other,
      items: portal.associations
        .list(type, record.id, other)
        .map((link) => recordsOf(portal, other).get(link.toId))
        .filter((found): found is CrmRecord => found !== undefined && !found.archived)
        .map((found) => ({ id: found.id, name: recordName(other, found) })),
    }))
    .filter((group) => group.items.length > 0);
  return {
    portalId: portal.id,
    portalDomain: portal.domain,
    objectType: type,
    objectTypeId: OBJECT_TYPES[type].id,
    singular,
    plural: PLURAL_LABEL[type] ?? 'Records',
    recordId: record.id,
    title: recordName(type, record),
    subtitle: subtitle(portal, type, record),
    owner,
    about,
    timeline: buildTimeline(portal, type, record, singular),
    associations,
  };
}
