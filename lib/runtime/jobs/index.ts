/**
 * The worker's explicit job registry: every job the worker runs is listed here, one per file.
 */
import type { JobHandler } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import { applyExitHandler } from './apply-exit';
import { completeWorkflowCallbackHandler } from './complete-workflow-callback';
import { noopHandler } from './noop';
import { performActionHandler } from './perform-action';
import { processWebhookBatchHandler } from './process-webhook-batch';
import { resumePortalHandler } from './resume-portal';
import { sweepDueRunsHandler } from './sweep-due-runs';
import { wakeRunHandler } from './wake-run';

/** Every runtime job handler, built with the runtime's dependencies (see runtime-deps.ts). */
export function jobHandlers(deps: RuntimeDeps): readonly JobHandler[] {
  return [
    noopHandler,
    processWebhookBatchHandler(deps),
    wakeRunHandler(deps),
    performActionHandler(deps),
    applyExitHandler(deps),
    sweepDueRunsHandler(deps),
    resumePortalHandler(deps),
    completeWorkflowCallbackHandler(deps),
  ] as const satisfies readonly JobHandler[];
}
