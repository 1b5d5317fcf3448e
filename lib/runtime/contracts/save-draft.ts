/**
 * Saving a draft from the editor: the source must be readable and name its key, name and object
 * (so the contracts list can show it); anything else may be incomplete. A draft never runs.
 */
import { parseContract } from '../../contracts';
import type { Db } from '../../db/prisma';
import { upsertContractDraft } from '../store/contract-drafts';

export type SaveDraftResult = { saved: true; key: string; status: string } | { saved: false; reason: string };

export async function saveDraft(db: Db, portalId: bigint, key: string, source: unknown): Promise<SaveDraftResult> {
  const parsed = parseContract(source);
  if (parsed.unreadable) return { saved: false, reason: `The source is unreadable: ${parsed.unreadable}` };
  const draft = parsed.contract;
  if (!draft || typeof parsed.data !== 'object' || parsed.data === null || Array.isArray(parsed.data)) {
    return { saved: false, reason: 'The source must be a contract object' };
  }
  if (draft.key !== key) return { saved: false, reason: `The source's key (${draft.key ?? 'missing'}) must be ${key}` };
  if (!draft.name || !draft.object) return { saved: false, reason: 'A draft needs a name and an object before it can be saved' };
  const { status } = await upsertContractDraft(db, portalId, { key, name: draft.name, objectType: draft.object }, parsed.data);
  return { saved: true, key, status };
}
