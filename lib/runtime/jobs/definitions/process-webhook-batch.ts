/**
 * Job definition (name + payload schema only; the handler lives with the runtime): process the
 * webhook events that one delivery stored for one portal. Enqueued by POST /api/hubspot/webhooks
 * in the same transaction that stored the events; keyed by the stored row ids, so the same
 * delivery never adds a second job.
 */
import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

const digits = z.string().regex(/^\d+$/, 'must be a decimal id');

export const processWebhookBatchJob = defineJob(
  'process-webhook-batch',
  z.object({
    /** HubSpot portal id, as a decimal string (JSON has no bigint). */
    portalId: digits,
    /** `webhook_events.id` of the rows this delivery newly stored (at most 100 per delivery). */
    eventRowIds: z.array(digits).min(1).max(100),
  }),
);
