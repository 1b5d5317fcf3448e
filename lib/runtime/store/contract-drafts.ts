/** Statements behind the editor's drafts: the `draft` column of `contracts` (a draft never runs; only `live_version_id` does). */
import type { Db } from '../../db/prisma';

export interface DraftRow {
  key: string;
  name: string;
  objectType: string;
}

/** Stores the draft source; a new contract starts with status `draft`, an existing one keeps its status. */
export async function upsertContractDraft(db: Db, portalId: bigint, row: DraftRow, draft: object): Promise<{ status: string }> {
  const saved = await db.contract.upsert({
    where: { portalId_key: { portalId, key: row.key } },
    create: { portalId, key: row.key, name: row.name, objectType: row.objectType, status: 'draft', draft },
    update: { draft },
    select: { status: true },
  });
  return { status: saved.status };
}

/** The saved draft of every contract of a portal, by key. */
export async function contractDraftsByKey(db: Db, portalId: bigint): Promise<Map<string, unknown>> {
  const rows = await db.contract.findMany({ where: { portalId }, select: { key: true, draft: true } });
  return new Map(rows.map((r) => [r.key, r.draft]));
}
