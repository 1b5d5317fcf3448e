/**
 * Ends the active runs of a record that was deleted or merged away. Contracts declare no exit
 * for "the record is gone", so the runtime records a system exit (`system:record-deleted`,
 * `system:record-merged`; outcome neutral; no effects, since there is no record left to act on),
 * releases the lanes and logs why, in one transaction per run under its row lock.
 */
import type { RuntimeDeps } from '../runtime-deps';
import { lockRun } from '../store/run-rows';
import { writeDecisions } from '../store/write-decisions';

export async function endRunsForRecordChange(
  deps: RuntimeDeps,
  portalId: bigint,
  objectType: string,
  recordId: string,
  change: { exitId: 'system:record-deleted' | 'system:record-merged'; reason: string; inputs: Record<string, unknown> },
): Promise<number> {
  const active = await deps.db.run.findMany({ where: { portalId, objectType, recordId, status: 'active' }, select: { id: true } });
  let ended = 0;
  for (const { id } of active) {
    const now = deps.clock.now();
    ended += await deps.db.$transaction(async (tx) => {
      const row = await lockRun(tx, id);
      if (!row || row.status !== 'active') return 0;
      await tx.run.update({
        where: { id },
        data: { status: 'exited', exitId: change.exitId, exitOutcome: 'neutral', exitReason: change.reason, exitedAt: now, dueAt: null, seq: row.seq + 1 },
      });
      await tx.laneHolding.updateMany({ where: { runId: id, releasedAt: null }, data: { releasedAt: now } });
      await writeDecisions(tx, [
        {
          portalId,
          objectType,
          recordId,
          runId: id,
          contractKey: row.contract_key,
          decision: { kind: 'exit', outcome: change.exitId, reason: change.reason, inputs: change.inputs, at: now },
        },
      ]);
      return 1;
    });
  }
  return ended;
}
