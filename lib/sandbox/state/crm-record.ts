/** A stored CRM record and its public v3 JSON shape. */
import type { ObjectType } from './object-types';

/** One historical value of a property (newest first in `propertiesWithHistory`). */
export interface PropertyVersion {
  value: string;
  timestamp: string;
  sourceType: string;
  sourceId?: string;
}

/** A record as the sandbox stores it. Property values are strings, as in HubSpot. */
export interface CrmRecord {
  id: string;
  objectType: ObjectType;
  properties: Map<string, string>;
  history: Map<string, PropertyVersion[]>;
  createdAt: number;
  updatedAt: number;
  archived: boolean;
  archivedAt?: number;
  /** Set when this record was merged into another (it is then archived). */
  mergedInto?: string;
}

/** `SimplePublicObject` JSON for the given property selection. */
export function toPublicObject(
  record: CrmRecord,
  propertyNames: readonly string[],
  withHistory: readonly string[] = [],
): Record<string, unknown> {
  const properties: Record<string, string | null> = {};
  for (const name of propertyNames) {
    const value = record.properties.get(name);
    properties[name] = value === undefined || value === '' ? null : value;
  }
  const body: Record<string, unknown> = {
    id: record.id,
    properties,
    createdAt: new Date(record.createdAt).toISOString(),
    updatedAt: new Date(record.updatedAt).toISOString(),
    archived: record.archived,
  };
  if (record.archivedAt !== undefined) body.archivedAt = new Date(record.archivedAt).toISOString();
  if (withHistory.length > 0) {
    body.propertiesWithHistory = Object.fromEntries(
      withHistory.map((name) => [name, [...(record.history.get(name) ?? [])].reverse()]),
    );
  }
  return body;
}
