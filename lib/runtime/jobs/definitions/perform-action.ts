import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/**
 * Perform one action step's external write. The attempt row (keyed by `idempotencyKey`) was
 * created with the job; `seq` is the run's sequence when the action was issued, so the result
 * only moves the run if it has not moved on (a goal may have ended it meanwhile).
 */
export const performActionJob = defineJob(
  'perform-action',
  z.object({ runId: z.uuid(), seq: z.number().int().min(0), stepId: z.string().min(1), idempotencyKey: z.string().min(1) }),
);

export const performActionKey = (idempotencyKey: string) => `action:${idempotencyKey}`;
