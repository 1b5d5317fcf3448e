/**
 * Pure merge of property writes into Waymark's copy of a record. Each property carries the
 * `occurredAt` (epoch ms) of the value held; a write older than that is skipped, so webhook
 * deliveries that arrive out of order never move a value backwards. Equal times apply (the
 * same event processed twice writes the same value).
 */

/** Waymark's stored copy of one CRM record. */
export interface StoredRecordState {
  properties: Record<string, string | null>;
  /** Per-property `occurredAt` in epoch ms of the value held. */
  versions: Record<string, number>;
  deleted: boolean;
  mergedInto: string | null;
}

/** One property value observed at a point in time (a webhook event or a CRM read). */
export interface PropertyWrite {
  property: string;
  value: string | null;
  occurredAt: number;
}

/** A write that took effect, with the value it replaced. */
export interface AppliedWrite extends PropertyWrite {
  from: string | null | undefined;
}

export function emptyRecordState(): StoredRecordState {
  return { properties: {}, versions: {}, deleted: false, mergedInto: null };
}

export function mergeRecordState(
  previous: StoredRecordState,
  writes: readonly PropertyWrite[],
): { next: StoredRecordState; applied: AppliedWrite[]; skipped: PropertyWrite[] } {
  const next: StoredRecordState = {
    ...previous,
    properties: { ...previous.properties },
    versions: { ...previous.versions },
  };
  const applied: AppliedWrite[] = [];
  const skipped: PropertyWrite[] = [];
  const ordered = [...writes].sort((a, b) => a.occurredAt - b.occurredAt);
  for (const write of ordered) {
    const held = next.versions[write.property];
    if (held !== undefined && write.occurredAt < held) {
      skipped.push(write);
      continue;
    }
    const from = Object.hasOwn(next.properties, write.property) ? next.properties[write.property] : undefined;
    next.properties[write.property] = write.value;
    next.versions[write.property] = write.occurredAt;
    applied.push({ ...write, from });
  }
  return { next, applied, skipped };
}

/** Reads a stored row's JSON columns defensively (bad shapes become empty). */
export function toStoredRecordState(row: {
  properties: unknown;
  versions: unknown;
  deleted: boolean;
  mergedInto: string | null;
}): StoredRecordState {
  const properties: Record<string, string | null> = {};
  if (row.properties && typeof row.properties === 'object') {
    for (const [k, v] of Object.entries(row.properties as Record<string, unknown>)) {
      properties[k] = v === null || v === undefined ? null : String(v);
    }
  }
  const versions: Record<string, number> = {};
  if (row.versions && typeof row.versions === 'object') {
    for (const [k, v] of Object.entries(row.versions as Record<string, unknown>)) {
      if (typeof v === 'number' && Number.isFinite(v)) versions[k] = v;
    }
  }
  return { properties, versions, deleted: row.deleted, mergedInto: row.mergedInto };
}
