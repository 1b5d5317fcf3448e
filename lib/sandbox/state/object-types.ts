/**
 * The CRM object types the sandbox serves: path names, type ids (reference §6), the singular
 * name used in webhook `subscriptionType`s, and the properties returned when none are requested.
 */

/** Object type names as they appear in `/crm/v3/objects/{objectType}`. */
export const OBJECT_TYPES = {
  contacts: { id: '0-1', singular: 'contact', defaults: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'] },
  companies: { id: '0-2', singular: 'company', defaults: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'] },
  deals: {
    id: '0-3',
    singular: 'deal',
    defaults: ['amount', 'closedate', 'createdate', 'dealname', 'dealstage', 'hs_lastmodifieddate', 'hs_object_id', 'pipeline'],
  },
  tickets: {
    id: '0-5',
    singular: 'ticket',
    defaults: ['content', 'createdate', 'hs_lastmodifieddate', 'hs_object_id', 'hs_pipeline', 'hs_pipeline_stage', 'hs_ticket_category', 'hs_ticket_priority', 'subject'],
  },
  tasks: { id: '0-27', singular: 'task', defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'] },
  notes: { id: '0-46', singular: 'note', defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'] },
  meetings: { id: '0-47', singular: 'meeting', defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'] },
  calls: { id: '0-48', singular: 'call', defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'] },
  emails: { id: '0-49', singular: 'email', defaults: ['hs_createdate', 'hs_lastmodifieddate', 'hs_object_id'] },
} as const satisfies Record<string, { id: string; singular: string; defaults: readonly string[] }>;

/** A canonical object type name (`contacts`, `deals`, …). */
export type ObjectType = keyof typeof OBJECT_TYPES;

/** Types whose changes produce legacy `contact.*`-style webhook events. */
export const LEGACY_WEBHOOK_TYPES: readonly ObjectType[] = ['contacts', 'companies', 'deals', 'tickets'];

const ALIASES: Record<string, ObjectType> = {};
for (const [name, info] of Object.entries(OBJECT_TYPES) as [ObjectType, (typeof OBJECT_TYPES)[ObjectType]][]) {
  ALIASES[name] = name;
  ALIASES[info.id] = name;
  ALIASES[info.singular] = name;
}

/** Resolves a path segment (`contacts`, `contact`, `0-1`) to a canonical type, or undefined. */
export function resolveObjectType(segment: string): ObjectType | undefined {
  return ALIASES[segment.toLowerCase()];
}

/** The property holding "last modified" for a type (contacts use a different name). */
export function lastModifiedProperty(type: ObjectType): string {
  return type === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';
}

/** The property holding "created" for a type (engagements use hs_createdate). */
export function createdProperty(type: ObjectType): string {
  return OBJECT_TYPES[type].defaults.includes('hs_createdate' as never) ? 'hs_createdate' : 'createdate';
}
