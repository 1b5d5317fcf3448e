/** Statements behind GET /api/runs: one record's latest runs (with their actions) and decisions. */
import type { Db } from '../../db/prisma';
import type { CrmObjectType } from '../../hubspot/crm-port';

export interface RecordKey {
  objectType: CrmObjectType;
  recordId: string;
}

export function listRecordRuns(db: Db, portalId: bigint, record: RecordKey, limit = 50) {
  return db.run.findMany({
    where: { portalId, ...record },
    orderBy: { startedAt: 'desc' },
    take: limit,
    select: {
      id: true,
      contractKey: true,
      status: true,
      currentStepId: true,
      dueAt: true,
      exitId: true,
      exitOutcome: true,
      exitReason: true,
      startedAt: true,
      exitedAt: true,
      actions: { select: { idempotencyKey: true, stepId: true, kind: true, status: true, attempts: true, error: true } },
    },
  });
}

export function listRecordDecisions(db: Db, portalId: bigint, record: RecordKey, limit = 200) {
  return db.decisionLog.findMany({ where: { portalId, ...record }, orderBy: { id: 'desc' }, take: limit });
}

export function findRunById(db: Db, runId: string) {
  return db.run.findUnique({ where: { id: runId } });
}
