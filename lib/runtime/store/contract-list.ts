/** Statements behind the contracts list: a portal's contracts with their versions, and active runs per contract. */
import type { Db } from '../../db/prisma';

export function listPortalContracts(db: Db, portalId: bigint) {
  return db.contract.findMany({
    where: { portalId },
    orderBy: { key: 'asc' },
    select: {
      key: true,
      name: true,
      objectType: true,
      status: true,
      liveVersionId: true,
      updatedAt: true,
      versions: { select: { id: true, version: true, publishedAt: true, publishedBy: true, versionPolicy: true }, orderBy: { version: 'desc' } },
    },
  });
}

export async function countActiveRunsByContract(db: Db, portalId: bigint): Promise<Map<string, number>> {
  const active = await db.run.groupBy({ by: ['contractKey'], where: { portalId, status: 'active' }, _count: true });
  return new Map(active.map((row) => [row.contractKey, row._count]));
}
