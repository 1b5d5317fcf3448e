/**
 * HubSpot's search index trails writes ("newly written records can lag"). With a lag set, search
 * sees each record as it was `lag` ms ago, rebuilt from property history: records created since
 * are missing, and recent changes are not visible yet. Reads by id are always current.
 */
import type { CrmRecord } from '../state/crm-record';

/** The record as the index knows it at `cutoff` (epoch ms), or undefined if it did not exist yet. */
export function recordAsOf(record: CrmRecord, cutoff: number): CrmRecord | undefined {
  if (record.createdAt > cutoff) return undefined;
  if (record.updatedAt <= cutoff) return record;
  const properties = new Map<string, string>();
  for (const [name, versions] of record.history) {
    const known = versions.filter((v) => Date.parse(v.timestamp) <= cutoff).at(-1);
    if (known) properties.set(name, known.value);
  }
  return { ...record, properties, updatedAt: cutoff };
}
