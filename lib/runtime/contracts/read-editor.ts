/** What the contract editor opens with: the portal's contracts (status, versions, active runs, saved draft) and the live definitions the linter checks against. */
import type { Db } from '../../db/prisma';
import { contractDraftsByKey } from '../store/contract-drafts';
import { liveContracts } from '../store/contract-versions';
import { LIFECYCLE_ORDER } from '../store/portal-context';
import { listContracts } from './list-contracts';

export async function readEditor(db: Db, portalId: bigint) {
  const [contracts, drafts, live] = await Promise.all([listContracts(db, portalId), contractDraftsByKey(db, portalId), liveContracts(db, portalId, { maxAgeMs: 0 })]);
  return {
    contracts: contracts.map((c) => ({
      key: c.key,
      name: c.name,
      objectType: c.objectType,
      status: c.status,
      liveVersion: c.liveVersion,
      activeRuns: c.activeRuns,
      draft: drafts.get(c.key) ?? null,
      versions: c.versions.map((v) => ({ version: v.version, publishedAt: v.publishedAt.toISOString(), publishedBy: v.publishedBy, versionPolicy: v.versionPolicy })),
    })),
    live: Object.fromEntries(live.map((l) => [l.key, l.contract as unknown])),
    stageOrders: { lifecyclestage: LIFECYCLE_ORDER } as Record<string, readonly string[]>,
  };
}
