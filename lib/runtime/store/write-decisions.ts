/**
 * Appends engine decisions to the decision log (the "why" of every outcome). The log is
 * append-only in the database; rows are written in the same transaction as the state change
 * they explain.
 */
import type { Prisma } from '../../db/generated/client';
import type { Decision } from '../../engine/types';

type Tx = Prisma.TransactionClient;

/** Where a group of decisions belongs. */
export interface DecisionScope {
  portalId: bigint;
  objectType: string;
  recordId: string;
  runId?: string | null;
  contractKey?: string | null;
  actor?: string | null;
}

export interface DecisionRow extends DecisionScope {
  decision: Decision;
}

export async function writeDecisions(tx: Tx, rows: readonly DecisionRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.decisionLog.createMany({
    data: rows.map(({ decision: d, ...scope }) => ({
      portalId: scope.portalId,
      runId: scope.runId ?? null,
      contractKey: d.contractKey ?? scope.contractKey ?? null,
      objectType: scope.objectType,
      recordId: scope.recordId,
      kind: d.kind,
      outcome: d.outcome,
      reason: d.reason,
      inputs: JSON.parse(JSON.stringify({ ...d.inputs, ...(d.stepId ? { stepId: d.stepId } : {}) })) as object,
      actor: scope.actor ?? null,
      at: d.at,
    })),
  });
}

/** Shorthand: the same scope for many decisions. */
export function scoped(scope: DecisionScope, decisions: readonly Decision[]): DecisionRow[] {
  return decisions.map((decision) => ({ ...scope, decision }));
}
