import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/** Apply the effects of a run's exit, in order, each as a recorded, idempotent action. */
export const applyExitJob = defineJob('apply-exit', z.object({ runId: z.uuid() }));

export const applyExitKey = (runId: string) => `exit:${runId}`;
