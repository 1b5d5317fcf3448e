import { z } from 'zod';
import { defineJob } from '../../../queue/job-definition';

/** Run one opened audit of a portal (audit_reports row `auditId`). Enqueued by startPortalAudit. */
export const runAuditJob = defineJob('run-audit', z.object({ portalId: z.string().regex(/^\d+$/), auditId: z.uuid() }));

export const runAuditKey = (auditId: string) => `run-audit:${auditId}`;
