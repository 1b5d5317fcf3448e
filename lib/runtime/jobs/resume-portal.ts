/**
 * Handler of `resume-portal`: after a portal reinstalls, re-enqueue the writes that halted while
 * it had no active installation (see actions/perform-attempt.ts). Action steps still waiting for
 * their result get their perform-action job back (same key, fenced by the run's seq); exited
 * runs with unapplied effects get apply-exit. Due wake-ups need nothing: the sweeper only skips
 * portals while they are not installed. Safe to run twice: every job it adds is keyed.
 */
import { listOpenAttemptsOfPortal } from '../store/action-attempts';
import { isInstallationActive } from '../store/installations';
import { log } from '../../log';
import { enqueue } from '../../queue/enqueue';
import { handle } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import { exitStepId } from '../run/apply-step-result';
import { applyExitJob, applyExitKey } from './definitions/apply-exit';
import { performActionJob, performActionKey } from './definitions/perform-action';
import { resumePortalJob } from './definitions/resume-portal';

export const resumePortalHandler = (deps: RuntimeDeps) =>
  handle(resumePortalJob, async ({ portalId: raw }) => {
    const portalId = BigInt(raw);
    if (!(await isInstallationActive(deps.db, portalId))) return log.warn('resume-portal for a portal that is not installed skipped', { portalId: raw });
    const open = await listOpenAttemptsOfPortal(deps.db, portalId);
    let actions = 0;
    const exits = new Set<string>();
    for (const attempt of open) {
      const { run } = attempt;
      if (run.status === 'active' && run.currentStepId === attempt.stepId) {
        const payload = { runId: run.id, seq: run.seq, stepId: attempt.stepId, idempotencyKey: attempt.idempotencyKey };
        await enqueue(deps.db, performActionJob, payload, { jobKey: performActionKey(attempt.idempotencyKey), maxAttempts: 25 });
        actions += 1;
      } else if (run.status === 'exited' && run.exitId && attempt.stepId === exitStepId(run.exitId) && !exits.has(run.id)) {
        exits.add(run.id);
        await enqueue(deps.db, applyExitJob, { runId: run.id }, { jobKey: applyExitKey(run.id), maxAttempts: 25 });
      }
    }
    log.info('portal work resumed', { portalId: raw, actions, exits: exits.size });
  });
