/** The portal's contracts with status, live version number and active runs (GET /api/contracts). */
import type { Db } from '../../db/prisma';
import { countActiveRunsByContract, listPortalContracts } from '../store/contract-list';

export async function listContracts(db: Db, portalId: bigint) {
  const [contracts, counts] = await Promise.all([listPortalContracts(db, portalId), countActiveRunsByContract(db, portalId)]);
  return contracts.map((contract) => ({
    ...contract,
    liveVersion: contract.versions.find((v) => v.id === contract.liveVersionId)?.version ?? null,
    activeRuns: counts.get(contract.key) ?? 0,
  }));
}
