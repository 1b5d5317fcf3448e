/**
 * Handler of `complete-workflow-callback`: tells HubSpot that a blocked "Run a Waymark contract
 * and wait" execution is done, with the outputs recorded when the run exited (or when its entry
 * was refused). Never inside the action request: the exit transaction (or the refusal) moved the
 * execution to `completing` and queued this keyed job, so a crash anywhere leaves a job that
 * runs again. Safe to run twice: a `completed` execution is skipped; HubSpot refusing a repeated
 * completion (4xx) also counts as done, so the callback is completed once.
 */
import { CrmPermanentError } from '../../hubspot/crm-port';
import { log } from '../../log';
import { handle } from '../../queue/worker';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { executionById, markCompleted } from '../store/workflow-action-executions';
import { completeWorkflowCallbackJob } from './definitions/complete-workflow-callback';

export const completeWorkflowCallbackHandler = (deps: RuntimeDeps) =>
  handle(completeWorkflowCallbackJob, async ({ executionId }) => {
    const sql = sqlOf(deps);
    const execution = await executionById(sql, executionId);
    if (!execution || execution.state !== 'completing' || !execution.outputs) {
      return log.info('workflow callback: nothing to complete', { executionId, state: execution?.state });
    }
    try {
      await deps.crm.completeCallback(execution.portal_id, execution.callback_id, execution.outputs);
    } catch (error) {
      if (!(error instanceof CrmPermanentError)) throw error;
      // Already completed (a run of this job died after HubSpot accepted it) or expired: nothing to retry.
      log.warn('workflow callback refused by HubSpot; treating it as done', { executionId, status: error.status, message: error.message });
    }
    await markCompleted(sql, executionId, deps.clock.now());
  });
