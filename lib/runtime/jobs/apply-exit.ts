/**
 * Handler of `apply-exit`: performs an exited run's effects in order, each one at most once
 * (recorded attempts, see actions/perform-attempt.ts). The run's lanes were released when it
 * exited, so a `start_contract` handoff finds the record free of it. A failing effect is logged
 * and the next one still runs (the run has ended; its other effects still matter); a transient
 * failure re-schedules this job, which resumes at the first unfinished effect.
 */
import { log } from '../../log';
import { enqueue } from '../../queue/enqueue';
import { handle } from '../../queue/worker';
import { performAttempt } from '../actions/perform-attempt';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { actionContextFor } from '../run/action-context-for';
import { exitStepId } from '../run/apply-step-result';
import { listStepAttempts } from '../store/action-attempts';
import { readRun } from '../store/run-rows';
import { writeDecisions } from '../store/write-decisions';
import { applyExitJob, applyExitKey } from './definitions/apply-exit';

export const applyExitHandler = (deps: RuntimeDeps) =>
  handle(applyExitJob, async ({ runId }) => {
    await deps.clock.sync();
    const run = await readRun(sqlOf(deps), runId);
    if (!run || run.status !== 'exited' || !run.exit_id) return log.warn('apply-exit for a run that has not exited skipped', { runId });
    const effects = await listStepAttempts(deps.db, runId, exitStepId(run.exit_id));
    const open = effects.filter((e) => e.status === 'pending' || e.status === 'running');
    if (open.length === 0) return;
    const context = await actionContextFor(deps, run);
    const scope = { portalId: run.portal_id, objectType: run.object_type, recordId: run.record_id, runId, contractKey: run.contract_key };
    for (const effect of open) {
      const result = await performAttempt(deps, effect.idempotencyKey, { ...context, now: deps.clock.now() });
      const at = deps.clock.now();
      const inputs = { idempotencyKey: effect.idempotencyKey, action: effect.kind, exitId: run.exit_id };
      if (result.status === 'halted') {
        // The remaining effects wait for the portal to reinstall (resume-portal re-enqueues us).
        await writeDecisions(sqlOf(deps), [{ ...scope, decision: { kind: 'exit', outcome: 'halted', reason: result.error, inputs, at } }]);
        return;
      }
      if (result.status === 'busy' || result.status === 'retry') {
        await enqueue(deps.db, applyExitJob, { runId }, { jobKey: applyExitKey(runId), runAt: new Date(Date.now() + (result.status === 'busy' ? 5000 : result.afterMs)), maxAttempts: 25 });
        return;
      }
      if (result.status === 'failed') {
        await writeDecisions(sqlOf(deps), [{ ...scope, decision: { kind: 'exit', outcome: 'effect-failed', reason: `exit effect ${effect.kind} failed: ${result.error}`, inputs, at } }]);
      } else if (result.refused) {
        await writeDecisions(sqlOf(deps), [{ ...scope, decision: { kind: 'stage-refused', outcome: 'refused', reason: result.refused, inputs, at } }]);
      } else {
        await writeDecisions(sqlOf(deps), [{ ...scope, decision: { kind: 'exit', outcome: 'effect-applied', reason: `exit effect ${effect.kind} applied`, inputs: { ...inputs, result: result.result }, at } }]);
      }
    }
  });
