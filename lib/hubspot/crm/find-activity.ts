/**
 * Finds a task or note on a record whose body carries a Waymark reference: lists the record's
 * associated tasks/notes (v4 associations, paged) and batch-reads their bodies. Association
 * reads are consistent right after a write, unlike the search index.
 */
import type { CrmObjectType } from '../crm-port';
import { OBJECT_TYPES } from '../object-types';
import type { CrmHttp } from './crm-http';
import { associationsPage, batchReadResponse } from './crm-schemas';
import { hasRef } from './write-marker';

const ACTIVITY = {
  task: { api: 'tasks', bodyProperty: 'hs_task_body' },
  note: { api: 'notes', bodyProperty: 'hs_note_body' },
} as const;

export async function findActivityWithRef(
  http: CrmHttp,
  portalId: bigint,
  kind: keyof typeof ACTIVITY,
  objectType: CrmObjectType,
  recordId: string,
  ref: string,
): Promise<{ id: string } | null> {
  const { api, bodyProperty } = ACTIVITY[kind];
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await http(
      portalId,
      {
        method: 'GET',
        path: `/crm/v4/objects/${OBJECT_TYPES[objectType].apiName}/${encodeURIComponent(recordId)}/associations/${api}`,
        query: { limit: '500', ...(after ? { after } : {}) },
      },
      associationsPage,
    );
    ids.push(...page.results.map((r) => r.toObjectId));
    after = page.paging?.next?.after;
  } while (after);

  for (let i = 0; i < ids.length; i += 100) {
    const batch = ids.slice(i, i + 100);
    const page = await http(
      portalId,
      {
        method: 'POST',
        path: `/crm/v3/objects/${api}/batch/read`,
        body: { inputs: batch.map((id) => ({ id })), properties: [bodyProperty], propertiesWithHistory: [] },
        idempotent: true,
      },
      batchReadResponse,
    );
    const hit = page.results.find((r) => hasRef(r.properties[bodyProperty], ref));
    if (hit) return { id: hit.id };
  }
  return null;
}
