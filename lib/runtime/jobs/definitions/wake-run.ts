import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/** Most runs one wake-up job carries (the sweeper groups a burst into jobs of at most this). */
export const MAX_WAKES_PER_JOB = 50;

const wake = z.object({ runId: z.uuid(), seq: z.number().int().min(0) });

/**
 * Wake runs at their stored due time. Each `seq` is the run's sequence number when the wake-up
 * was scheduled: a run that has moved on since is left alone (fencing). The sweeper groups due
 * runs into one job per few dozen (`runs`), so a burst costs the queue one job per group rather
 * than one per run; a single `{ runId, seq }` (the payload before grouping) is still accepted.
 */
export const wakeRunJob = defineJob(
  'wake-run',
  z.union([
    z.object({ runs: z.array(wake).min(1).max(MAX_WAKES_PER_JOB) }),
    wake.transform((one) => ({ runs: [one] })),
  ]),
);

