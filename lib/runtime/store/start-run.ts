/**
 * Starts a run and takes its lanes in one transaction. The database decides races: the partial
 * unique indexes `runs_one_active_per_record` and `lane_holdings_one_holder` let exactly one of
 * many concurrent enrollments win; the losers get a typed answer, never an error.
 */
import type { Db } from '../../db/prisma';
import { uniqueViolation } from '../../db/unique-violation';

export interface StartRunInput {
  portalId: bigint;
  contractId: string;
  contractVersionId: string;
  contractKey: string;
  objectType: string;
  recordId: string;
  firstStepId: string;
  lanes: readonly string[];
  priority?: number;
  at: Date;
  /**
   * When the run should first be woken. The runtime sets it to `at`, so a run whose first step
   * was never entered (the process died right after enrolling) is found by the due-time sweep.
   */
  dueAt?: Date;
  /** Last record-signal id already seen at enrollment; later ones are replayed to waits. */
  signalCursor?: bigint;
  /** Why the run was allowed to start; becomes the decision-log row. */
  decision: { reason: string; inputs: Record<string, unknown>; actor?: string };
}

export type StartRunResult =
  | { started: true; runId: string }
  | { started: false; conflict: 'active-run' | 'lane'; index?: string };

export async function startRun(db: Db, input: StartRunInput): Promise<StartRunResult> {
  try {
    const runId = await db.$transaction(async (tx) => {
      const run = await tx.run.create({
        data: {
          portalId: input.portalId,
          contractId: input.contractId,
          contractVersionId: input.contractVersionId,
          contractKey: input.contractKey,
          objectType: input.objectType,
          recordId: input.recordId,
          currentStepId: input.firstStepId,
          startedAt: input.at,
          dueAt: input.dueAt ?? null,
          signalCursor: input.signalCursor ?? 0n,
        },
        select: { id: true },
      });
      if (input.lanes.length > 0) {
        await tx.laneHolding.createMany({
          data: input.lanes.map((lane) => ({
            portalId: input.portalId,
            lane,
            objectType: input.objectType,
            recordId: input.recordId,
            runId: run.id,
            priority: input.priority ?? 0,
            acquiredAt: input.at,
          })),
        });
      }
      await tx.decisionLog.create({
        data: {
          portalId: input.portalId,
          runId: run.id,
          contractKey: input.contractKey,
          objectType: input.objectType,
          recordId: input.recordId,
          kind: 'enroll',
          outcome: 'accepted',
          reason: input.decision.reason,
          inputs: input.decision.inputs as object,
          actor: input.decision.actor ?? null,
          at: input.at,
        },
      });
      return run.id;
    });
    return { started: true, runId };
  } catch (error) {
    const violation = uniqueViolation(error);
    if (!violation) throw error;
    const conflict = violation.index?.startsWith('lane_holdings') ? 'lane' : 'active-run';
    return { started: false, conflict, index: violation.index };
  }
}
