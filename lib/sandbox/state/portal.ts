/**
 * One HubSpot account (portal) in the sandbox: its users and owners, property catalog,
 * pipelines, records, associations and native workflows. Portals are fully independent; every
 * record change is reported to the portal's listener (the webhook dispatcher).
 */
import type { AssociationStore } from './association-store';
import type { CrmRecord } from './crm-record';
import type { Pipeline } from './default-pipelines';
import type { ObjectType } from './object-types';
import type { PropertyDefinition } from './property-definition';
import type { RecordChange } from './record-change';

/** A HubSpot user of the portal who is also a CRM owner. */
export interface PortalOwner {
  id: string;
  email: string;
  firstName: string;
  lastName: string;
  userId: number;
  userIdIncludingInactive: number;
  type: 'PERSON';
  teams: { id: string; name: string; primary: boolean }[];
  archived: boolean;
  createdAt: string;
  updatedAt: string;
}

/** A transactional email the sandbox accepted (kept for tests and the record page). */
export interface SentEmail {
  statusId: string;
  emailId: number;
  to: string;
  contactId?: string;
  sendId?: string;
  sendResult: string;
  requestedAt: string;
  completedAt: string;
  customProperties: Record<string, unknown>;
}

export interface Portal {
  id: number;
  domain: string;
  /** Sandbox clock (epoch ms). */
  now: () => number;
  owners: PortalOwner[];
  properties: Map<ObjectType, Map<string, PropertyDefinition>>;
  pipelines: Map<ObjectType, Pipeline[]>;
  records: Map<ObjectType, Map<string, CrmRecord>>;
  associations: AssociationStore;
  /** Native workflows (Automation v4 flow JSON), keyed by flow id. */
  flows: Map<string, Record<string, unknown>>;
  /** Transactional emails by status id. */
  sentEmails: Map<string, SentEmail>;
  /** Contact ids (or lower-cased addresses) whose email sends fail permanently, with the reason. */
  emailFailures: Map<string, string>;
  /** Next id handed out to a new record. */
  nextId: number;
  /** Called for every change; set by the sandbox to feed webhooks. */
  onChange: (portal: Portal, change: RecordChange) => void;
}

/** The records map for a type (created on first use). */
export function recordsOf(portal: Portal, type: ObjectType): Map<string, CrmRecord> {
  let map = portal.records.get(type);
  if (!map) portal.records.set(type, (map = new Map()));
  return map;
}

/** The property catalog of a type. */
export function propertiesOf(portal: Portal, type: ObjectType): Map<string, PropertyDefinition> {
  let map = portal.properties.get(type);
  if (!map) portal.properties.set(type, (map = new Map()));
  return map;
}

/** A record's links to `toType` whose target is not archived (the links the CRM APIs show). */
export function liveLinks(portal: Portal, fromType: ObjectType, fromId: string, toType: ObjectType): ReturnType<AssociationStore['list']> {
  return portal.associations.list(fromType, fromId, toType).filter((link) => !recordsOf(portal, toType).get(link.toId)?.archived);
}
