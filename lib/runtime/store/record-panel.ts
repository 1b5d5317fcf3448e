/** The reads behind the record panel: a record's runs (with version and lanes), its decisions, the portal's contracts and time zone. */
import type { Db } from '../../db/prisma';

export function readRecordRuns(db: Db, portalId: bigint, objectType: string, recordId: string) {
  return db.run.findMany({
    where: { portalId, objectType, recordId },
    orderBy: { startedAt: 'desc' },
    take: 50,
    select: {
      id: true, contractKey: true, contractVersionId: true, status: true, currentStepId: true, dueAt: true, exitId: true, exitOutcome: true, exitReason: true, startedAt: true, exitedAt: true,
      contractVersion: { select: { version: true, definition: true } },
      lanes: { where: { releasedAt: null }, select: { lane: true, priority: true } },
      actions: { where: { status: 'failed' }, select: { idempotencyKey: true, stepId: true, kind: true, error: true } },
    },
  });
}

export function readRecordDecisions(db: Db, portalId: bigint, objectType: string, recordId: string) {
  return db.decisionLog.findMany({ where: { portalId, objectType, recordId }, orderBy: { id: 'desc' }, take: 200 });
}

/** The portal's contracts with their live version's definition (names, manual triggers). */
export async function readPortalContracts(db: Db, portalId: bigint) {
  const contracts = await db.contract.findMany({ where: { portalId }, select: { key: true, name: true, status: true, objectType: true, liveVersionId: true } });
  const ids = contracts.flatMap((c) => (c.liveVersionId ? [c.liveVersionId] : []));
  const versions = await db.contractVersion.findMany({ where: { id: { in: ids } }, select: { id: true, version: true, definition: true } });
  const byId = new Map(versions.map((v) => [v.id, v]));
  return contracts.map((c) => ({ ...c, live: c.liveVersionId ? byId.get(c.liveVersionId) ?? null : null }));
}

export async function readPortalTimeZone(db: Db, portalId: bigint): Promise<string> {
  const row = await db.installation.findUnique({ where: { portalId }, select: { timeZone: true } });
  return row?.timeZone ?? 'UTC';
}
