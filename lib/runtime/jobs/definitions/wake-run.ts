import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/**
 * Wake one run at its stored due time. `seq` is the run's sequence number when the wake-up was
 * scheduled: if the run has moved on since, the job is a no-op (fencing).
 */
export const wakeRunJob = defineJob('wake-run', z.object({ runId: z.uuid(), seq: z.number().int().min(0) }));

/** The job key of a wake-up: one pending wake per (run, seq). */
export const wakeRunKey = (runId: string, seq: number) => `wake:${runId}:${seq}`;
