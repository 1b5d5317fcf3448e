/**
 * Handler of `perform-action`: performs one action step's write (see actions/perform-attempt.ts
 * for the at-most-once rule) and hands the final outcome to the run, fenced by the `seq` the
 * action was issued at. Retries are new keyed jobs scheduled after the backoff; a run whose
 * lease is held by a live worker is tried again shortly.
 */
import { log } from '../../log';
import { enqueue } from '../../queue/enqueue';
import { handle } from '../../queue/worker';
import { performAttempt } from '../actions/perform-attempt';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { actionContextFor } from '../run/action-context-for';
import { advanceRun } from '../run/advance-run';
import { failAttempt, findAttemptByKey } from '../store/action-attempts';
import { readRun } from '../store/run-rows';
import { writeDecisions } from '../store/write-decisions';
import { performActionJob, performActionKey } from './definitions/perform-action';

const BUSY_RETRY_MS = 5000;

export const performActionHandler = (deps: RuntimeDeps) =>
  handle(performActionJob, async (payload) => {
    await deps.clock.sync();
    const run = await readRun(sqlOf(deps), payload.runId);
    if (!run) return log.warn('perform-action for a missing run skipped', { runId: payload.runId });
    const attempt = await findAttemptByKey(deps.db, payload.idempotencyKey);
    if (!attempt) return log.warn('perform-action without an attempt row skipped', { key: payload.idempotencyKey });
    if (run.status !== 'active' && attempt.status === 'pending') {
      // A goal or a person ended the run before the write started: it is not performed.
      await failAttempt(deps.db, attempt.id, 'not performed: the run had already ended');
      return;
    }
    const result = await performAttempt(deps, payload.idempotencyKey, await actionContextFor(deps, run));
    const scope = { portalId: run.portal_id, objectType: run.object_type, recordId: run.record_id, runId: run.id, contractKey: run.contract_key };
    const now = deps.clock.now();
    if (result.status === 'halted') {
      // Not retried: resume-portal re-enqueues this action when the portal reinstalls.
      await writeDecisions(sqlOf(deps), [
        { ...scope, decision: { kind: 'action', outcome: 'halted', reason: result.error, inputs: { idempotencyKey: payload.idempotencyKey }, at: now, stepId: payload.stepId } },
      ]);
      return;
    }
    if (result.status === 'busy' || result.status === 'retry') {
      const afterMs = result.status === 'busy' ? BUSY_RETRY_MS : result.afterMs;
      if (result.status === 'retry') {
        await writeDecisions(sqlOf(deps), [
          { ...scope, decision: { kind: 'action', outcome: 'retrying', reason: `${attempt.kind} failed for now (${result.error}); retrying in ${Math.round(afterMs / 1000)} s`, inputs: { idempotencyKey: payload.idempotencyKey }, at: now, stepId: payload.stepId } },
        ]);
      }
      await enqueue(deps.db, performActionJob, payload, { jobKey: performActionKey(payload.idempotencyKey), runAt: new Date(Date.now() + afterMs), maxAttempts: 25 });
      return;
    }
    if (result.status === 'succeeded' && (result.refused || result.recovered)) {
      await writeDecisions(sqlOf(deps), [
        {
          ...scope,
          decision: result.refused
            ? { kind: 'stage-refused', outcome: 'refused', reason: result.refused, inputs: { idempotencyKey: payload.idempotencyKey }, at: now, stepId: payload.stepId }
            : { kind: 'action', outcome: 'recovered', reason: `${attempt.kind} had already landed in the CRM (checked before retrying); not sent again`, inputs: { idempotencyKey: payload.idempotencyKey, ...result.result }, at: now, stepId: payload.stepId },
        },
      ]);
    }
    await advanceRun(
      deps,
      run.id,
      { kind: 'action-result', stepId: payload.stepId, outcome: result.status, ...(result.status === 'failed' ? { error: result.error } : {}) },
      { expectedSeq: payload.seq },
    );
  });
