import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/**
 * Find runs whose due time has passed on the (possibly fast-forwarded) clock and enqueue their
 * wake-ups in due order. Also run on a short timer inside every worker; this job form lets a
 * clock advance trigger a sweep at once.
 */
export const sweepDueRunsJob = defineJob('sweep-due-runs', z.object({ reason: z.string().max(200).optional() }));

export const SWEEP_JOB_KEY = 'sweep-due-runs';
