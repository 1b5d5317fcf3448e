/**
 * A person retries an action that failed for good. The attempt row (same idempotency key, so
 * still at most one write) goes back to `pending` and its job is enqueued again: an exit effect
 * through `apply-exit`; an action step through `perform-action` (if the run has moved past the
 * step, the write is made but the run does not move back). Logged with the person's name.
 */
import { enqueue } from '../../queue/enqueue';
import { applyExitJob, applyExitKey } from '../jobs/definitions/apply-exit';
import { performActionJob, performActionKey } from '../jobs/definitions/perform-action';
import { exitStepId } from '../run/apply-step-result';
import type { RuntimeDeps } from '../runtime-deps';
import { findAttemptWithRun, resetAttemptForRetry } from '../store/action-attempts';
import { insertDecision } from '../store/decision-log';

export type RetryResult = { retried: true; kind: string; stepId: string } | { retried: false; reason: string; status: 404 | 409 };

export async function retryFailedAction(deps: RuntimeDeps, input: { runId: string; idempotencyKey: string; actor: string }): Promise<RetryResult> {
  await deps.clock.sync();
  const attempt = await findAttemptWithRun(deps.db, input.idempotencyKey);
  if (!attempt || attempt.runId !== input.runId) return { retried: false, reason: 'No such action on this run', status: 404 };
  if (attempt.status !== 'failed') return { retried: false, reason: `The action is ${attempt.status}; only failed actions can be retried`, status: 409 };
  const run = attempt.run;
  await deps.db.$transaction(async (tx) => {
    await resetAttemptForRetry(tx, attempt.id);
    await insertDecision(tx, {
      portalId: run.portalId,
      runId: run.id,
      contractKey: run.contractKey,
      objectType: run.objectType,
      recordId: run.recordId,
      kind: 'action',
      outcome: 'retry-requested',
      reason: `${input.actor} retried ${attempt.kind} (${attempt.stepId}), which had failed: ${attempt.error ?? 'no detail'}`,
      inputs: { idempotencyKey: attempt.idempotencyKey, previousError: attempt.error },
      actor: input.actor,
      at: deps.clock.now(),
    });
    if (run.exitId && attempt.stepId === exitStepId(run.exitId)) {
      await enqueue(tx, applyExitJob, { runId: run.id }, { jobKey: applyExitKey(run.id) });
    } else {
      await enqueue(tx, performActionJob, { runId: run.id, seq: run.seq, stepId: attempt.stepId, idempotencyKey: attempt.idempotencyKey }, {
        jobKey: performActionKey(attempt.idempotencyKey),
      });
    }
  });
  return { retried: true, kind: attempt.kind, stepId: attempt.stepId };
}
