/**
 * The CRM object types Waymark works with, and their HubSpot names: the object type id used by
 * app cards and generic webhooks (`0-1`…), and the plural name used in API paths.
 */
import { z } from 'zod';
import type { CrmObjectType } from './crm-port';

/** Explicit registry: one entry per supported object type. */
export const OBJECT_TYPES = {
  contact: { typeId: '0-1', apiName: 'contacts' },
  company: { typeId: '0-2', apiName: 'companies' },
  deal: { typeId: '0-3', apiName: 'deals' },
  ticket: { typeId: '0-5', apiName: 'tickets' },
} as const satisfies Record<CrmObjectType, { typeId: string; apiName: string }>;

/** A Waymark object type name (`contact`, `company`, `deal`, `ticket`) at a trust boundary. */
export const crmObjectTypeSchema = z.enum(Object.keys(OBJECT_TYPES) as [CrmObjectType, ...CrmObjectType[]]);

export const OBJECT_TYPE_IDS = ['0-1', '0-2', '0-3', '0-5'] as const;
export type ObjectTypeId = (typeof OBJECT_TYPE_IDS)[number];

/** `0-1` → `contact`; undefined for types Waymark does not handle. */
export function objectTypeFromId(typeId: string): CrmObjectType | undefined {
  const entry = Object.entries(OBJECT_TYPES).find(([, v]) => v.typeId === typeId);
  return entry?.[0] as CrmObjectType | undefined;
}

/** `contacts` / `contact` / `CONTACT` → `contact`; undefined otherwise. */
export function objectTypeFromName(name: string): CrmObjectType | undefined {
  const lower = name.toLowerCase();
  const entry = Object.entries(OBJECT_TYPES).find(([k, v]) => k === lower || v.apiName === lower);
  return entry?.[0] as CrmObjectType | undefined;
}
