/**
 * Handler of `wake-run`: each run's stored due time has passed (a wait, a waitFor timeout, the
 * run's time limit), or the run was enrolled but its first step never entered (seq 0, due at
 * enrollment: the process died in between). Each run is fenced by its `seq`: a duplicate or late
 * wake-up for a run that has moved on does nothing, so a job that runs again (a retry, a worker
 * killed half-way through its runs) re-does only what is left.
 *
 * Runs are woken one after another, each in its own transaction; one that fails does not stop
 * the others, and the job then fails so the queue retries it (the runs already woken are no-ops).
 */
import { log } from '../../log';
import { handle } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import { advanceRun } from '../run/advance-run';
import { wakeRunJob } from './definitions/wake-run';

export const wakeRunHandler = (deps: RuntimeDeps) =>
  handle(wakeRunJob, async ({ runs }) => {
    await deps.clock.sync();
    const failed: string[] = [];
    for (const { runId, seq } of runs) {
      try {
        await wakeOne(deps, runId, seq);
      } catch (error) {
        log.warn('wake-up failed', { runId, seq, error: String(error) });
        failed.push(`${runId}: ${String(error)}`);
      }
    }
    if (failed.length > 0) throw new Error(`${failed.length} of ${runs.length} wake-ups failed: ${failed.join('; ')}`);
  });

async function wakeOne(deps: RuntimeDeps, runId: string, seq: number): Promise<void> {
  const input = seq === 0 ? ({ kind: 'start' } as const) : ({ kind: 'wake' } as const);
  const outcome = await advanceRun(deps, runId, input, { expectedSeq: seq });
  // The sweeper may have read a newer clock offset than this process's cache: look again.
  if (!outcome.advanced && outcome.reason === 'not-due') {
    await deps.clock.sync({ force: true });
    await advanceRun(deps, runId, input, { expectedSeq: seq });
  }
}
