import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/**
 * Open today's audit of every installed portal. Scheduled daily by the worker's crontab
 * (graphile-worker's cron, which adds it once per tick across all workers; its `_cron` payload
 * field is ignored).
 */
export const auditDailyFanOutJob = defineJob('audit-daily-fan-out', z.object({}));

export const auditDailyFanOutKey = 'audit-daily-fan-out';

/** graphile-worker crontab line: 04:00 UTC every day. */
export const AUDIT_DAILY_CRONTAB = `0 4 * * * ${auditDailyFanOutJob.name} ?jobKey=${auditDailyFanOutKey}&max=1`;
