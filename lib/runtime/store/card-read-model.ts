/** Statements behind the app card: one record's active runs, last decision, lanes and the portal's live contract count. */
import type { Db } from '../../db/prisma';
import type { CrmObjectType } from '../../hubspot/crm-port';
import { isInstallationActive } from './installations';

export interface CardRecordKey {
  portalId: bigint;
  objectType: CrmObjectType;
  recordId: string;
}

export async function readCardRows(db: Db, q: CardRecordKey) {
  const where = { portalId: q.portalId, objectType: q.objectType, recordId: q.recordId };
  const [active, runs, decision, lanes, liveContracts] = await Promise.all([
    isInstallationActive(db, q.portalId),
    db.run.findMany({
      where: { ...where, status: 'active' },
      orderBy: { startedAt: 'asc' },
      take: 50,
      select: { id: true, contractKey: true, currentStepId: true, startedAt: true, dueAt: true, contract: { select: { name: true } } },
    }),
    db.decisionLog.findFirst({ where, orderBy: [{ at: 'desc' }, { id: 'desc' }] }),
    db.laneHolding.findMany({ where: { ...where, releasedAt: null }, select: { lane: true, run: { select: { contractKey: true } } } }),
    db.contract.count({ where: { portalId: q.portalId, objectType: q.objectType, status: 'live' } }),
  ]);
  return { active, runs, decision, lanes, liveContracts };
}
