/**
 * Handler of `wake-run`: the run's stored due time has passed (a wait, a waitFor timeout, the
 * run's time limit), or the run was enrolled but its first step never entered (seq 0, due at
 * enrollment: the process died in between). Fenced by `seq`: a duplicate or late wake-up for a
 * run that has moved on does nothing.
 */
import { handle } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import { advanceRun } from '../run/advance-run';
import { wakeRunJob } from './definitions/wake-run';

export const wakeRunHandler = (deps: RuntimeDeps) =>
  handle(wakeRunJob, async ({ runId, seq }) => {
    await deps.clock.sync();
    const input = seq === 0 ? ({ kind: 'start' } as const) : ({ kind: 'wake' } as const);
    const outcome = await advanceRun(deps, runId, input, { expectedSeq: seq });
    // The sweeper may have read a newer clock offset than this process's cache: look again.
    if (!outcome.advanced && outcome.reason === 'not-due') {
      await deps.clock.sync({ force: true });
      await advanceRun(deps, runId, input, { expectedSeq: seq });
    }
  });
