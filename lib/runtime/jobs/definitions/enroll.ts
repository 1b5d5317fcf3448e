import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/**
 * Enroll one record in one contract through the normal entry evaluation: a handoff from
 * another run's `start_contract` exit effect, or a person starting a manual contract.
 */
export const enrollJob = defineJob(
  'enroll',
  z.object({
    portalId: z.string().regex(/^\d+$/),
    contractKey: z.string().min(1),
    objectType: z.enum(['contact', 'company', 'deal', 'ticket']),
    recordId: z.string().min(1),
    via: z.discriminatedUnion('kind', [
      z.object({ kind: z.literal('handoff'), fromRunId: z.uuid(), fromContract: z.string().min(1), exitId: z.string().min(1) }),
      z.object({ kind: z.literal('manual'), actor: z.string().min(1) }),
    ]),
  }),
);
