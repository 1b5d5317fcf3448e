/**
 * The worker's explicit job registry: every job the worker runs is listed here, one per file.
 */
import type { JobHandler } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import type { AuditCorePort } from '../audit/audit-core-port';
import { auditCoreBinding } from '../audit/audit-core-binding';
import { applyExitHandler } from './apply-exit';
import { auditDailyFanOutHandler } from './audit-daily-fan-out';
import { AUDIT_DAILY_CRONTAB } from './definitions/audit-daily-fan-out';
import { completeWorkflowCallbackHandler } from './complete-workflow-callback';
import { noopHandler } from './noop';
import { performActionHandler } from './perform-action';
import { processWebhookBatchHandler } from './process-webhook-batch';
import { resumePortalHandler } from './resume-portal';
import { runAuditHandler } from './run-audit';
import { sweepDueRunsHandler } from './sweep-due-runs';
import { wakeRunHandler } from './wake-run';

/** The worker's recurring jobs (graphile-worker crontab): the daily audit of every installed portal. */
export const JOB_CRONTAB = [AUDIT_DAILY_CRONTAB].join('\n');

/**
 * Every runtime job handler, built with the runtime's dependencies (see runtime-deps.ts) and the
 * audit core (the worker binds it with the app's workflow-action ids, see scripts/worker.ts).
 */
export function jobHandlers(deps: RuntimeDeps, options: { audit?: AuditCorePort } = {}): readonly JobHandler[] {
  const audit = options.audit ?? auditCoreBinding();
  return [
    noopHandler,
    processWebhookBatchHandler(deps),
    wakeRunHandler(deps),
    performActionHandler(deps),
    applyExitHandler(deps),
    sweepDueRunsHandler(deps),
    resumePortalHandler(deps),
    completeWorkflowCallbackHandler(deps),
    runAuditHandler(deps, audit),
    auditDailyFanOutHandler(deps),
  ] as const satisfies readonly JobHandler[];
}
