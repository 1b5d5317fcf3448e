/** Handler of `sweep-due-runs`: enqueue every due wake-up now (after a clock advance, say). */
import { handle } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import { sweepDueRuns } from '../store/sweep-due-runs';
import { sweepDueRunsJob } from './definitions/sweep-due-runs';

export const sweepDueRunsHandler = (deps: RuntimeDeps) =>
  handle(sweepDueRunsJob, async () => {
    await deps.clock.sync({ force: true });
    while ((await sweepDueRuns(deps.db, { now: deps.clock.now(), includeLost: true })) > 0) {
      /* drain every due run, a slice at a time */
    }
  });
