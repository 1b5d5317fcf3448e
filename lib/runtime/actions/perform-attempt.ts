/**
 * Performs one recorded external write (an action step or an exit effect) at most once.
 *
 * The attempt row (unique idempotency key) is the write's memory: `succeeded`/`failed` rows are
 * answered from the row without calling the CRM. Before writing, the run's lease is taken, the
 * row is read again (a worker that held the lease just before may have finished it) and set to
 * `running`. If a previous try left it `running` (its worker died) or ended ambiguously (a
 * timeout after the request was sent), the CRM is first asked whether a write with this key
 * already landed (`findWrite`), and only writes if not.
 *
 * Retry policy: transient failures (5xx, 429, timeouts, the portal's API budget exhausted) are
 * retried with exponential backoff, honouring the CRM's retry-after, up to `MAX_TRIES`; then,
 * like permanent failures, the write has failed for good and the step's `onFailure` path is
 * taken by the caller.
 *
 * Uninstalled portals: when the portal has no active installation (removed, or its refresh
 * token died), nothing is written and the attempt stays `pending` (`halted`); the callers log
 * it and stop. `resume-portal` picks the work up again when the portal reinstalls.
 */
import { randomUUID } from 'node:crypto';
import { CrmAmbiguousError, CrmPermanentError, CrmTransientError, InstallationInactiveError, type CrmObjectType } from '../../hubspot/crm-port';
import { isInstallationActive } from '../store/installations';
import type { ActionKind } from '../../contracts';
import type { RuntimeDeps } from '../runtime-deps';
import { acquireRunLease, releaseRunLease } from '../store/run-lease';
import type { ActionContext } from './action-context';
import { actionExecutors, checkedWrites } from './registry';

/** Tries before a transient failure counts as final. */
export const MAX_TRIES = 6;

export type AttemptResult =
  | { status: 'succeeded'; result: Record<string, unknown>; refused?: string; recovered?: boolean }
  | { status: 'failed'; error: string }
  | { status: 'retry'; afterMs: number; error: string }
  | { status: 'busy' }
  | { status: 'halted'; error: string };

/** Why a halted write was not performed, in words for the decision log. */
export const haltedReason = (portalId: bigint) =>
  `Waymark has no active installation in portal ${portalId} (uninstalled or access revoked): nothing was written; the work resumes if the portal reinstalls`;

/** Backoff for try `n` (1-based): 2 s, 4 s, 8 s … capped at 5 minutes, or the CRM's retry-after. */
export function backoffMs(tries: number, retryAfterMs?: number): number {
  const exponential = Math.min(300_000, 1000 * 2 ** tries);
  return Math.max(exponential, retryAfterMs ?? 0);
}

export async function performAttempt(
  deps: RuntimeDeps,
  idempotencyKey: string,
  context: Omit<ActionContext, 'idempotencyKey' | 'crm'>,
): Promise<AttemptResult> {
  const { db } = deps;
  const first = await db.actionAttempt.findUnique({ where: { idempotencyKey } });
  if (!first) return { status: 'failed', error: `no attempt recorded for ${idempotencyKey}` };
  const done = finished(first);
  if (done) return done;

  if (!(await isInstallationActive(db, context.portalId))) return { status: 'halted', error: haltedReason(context.portalId) };

  // One owner per call, not per process: two calls in one process (a duplicate job, say) must
  // not both hold the lease. The process id comes first: a dead owner is found by it.
  const owner = `${deps.processId}/${idempotencyKey}/${randomUUID()}`;
  if (!(await acquireRunLease(db, first.runId, owner, deps.processId))) return { status: 'busy' };
  try {
    // Read the row again under the lease: another worker may have performed the write and
    // released the lease between the read above and our lease. Acting on that earlier read
    // would send the write a second time.
    const attempt = await db.actionAttempt.findUniqueOrThrow({ where: { idempotencyKey } });
    const doneMeanwhile = finished(attempt);
    if (doneMeanwhile) return doneMeanwhile;
    const kind = attempt.kind as ActionKind;
    const request = (attempt.request ?? {}) as { with?: Record<string, unknown> };
    const ctx: ActionContext = { ...context, crm: deps.crm, idempotencyKey };
    const checkKind = checkedWrites[kind];
    const uncertain = attempt.status === 'running' || (attempt.error ?? '').startsWith('ambiguous');
    if (uncertain && checkKind) {
      const found = await deps.crm.findWrite(context.portalId, checkKind, context.objectType as CrmObjectType, context.recordId, idempotencyKey);
      if (found) {
        const result = { id: found.id, recoveredBy: 'findWrite' };
        await db.actionAttempt.update({ where: { idempotencyKey }, data: { status: 'succeeded', result, completedAt: context.now, error: null } });
        return { status: 'succeeded', result, recovered: true };
      }
    }
    const tries = attempt.attempts + 1;
    await db.actionAttempt.update({ where: { idempotencyKey }, data: { status: 'running', attempts: tries } });
    const executor = actionExecutors[kind];
    if (!executor) {
      await db.actionAttempt.update({ where: { idempotencyKey }, data: { status: 'failed', error: `unknown action ${attempt.kind}` } });
      return { status: 'failed', error: `unknown action ${attempt.kind}` };
    }
    try {
      const outcome = await executor(ctx, request.with ?? {});
      const result = outcome.status === 'refused' ? { ...outcome.result, refused: outcome.reason } : outcome.result;
      await db.actionAttempt.update({
        where: { idempotencyKey },
        data: { status: 'succeeded', result: JSON.parse(JSON.stringify(result)) as object, completedAt: context.now, error: null },
      });
      return { status: 'succeeded', result, refused: outcome.status === 'refused' ? outcome.reason : undefined };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof InstallationInactiveError) {
        // The refresh token died under us: nothing was sent. Back to pending, not a failed try.
        await db.actionAttempt.update({ where: { idempotencyKey }, data: { status: 'pending', attempts: attempt.attempts, error: `halted: ${message}` } });
        return { status: 'halted', error: haltedReason(context.portalId) };
      }
      // Anything not known to be permanent is worth another try (an unmapped network error, say).
      if (!(error instanceof CrmPermanentError) && tries < MAX_TRIES) {
        const ambiguous = error instanceof CrmAmbiguousError;
        await db.actionAttempt.update({
          where: { idempotencyKey },
          data: { status: 'pending', error: `${ambiguous ? 'ambiguous' : 'transient'}: ${message}` },
        });
        return { status: 'retry', afterMs: backoffMs(tries, error instanceof CrmTransientError ? error.retryAfterMs : undefined), error: message };
      }
      const final = error instanceof CrmPermanentError ? message : `gave up after ${tries} tries: ${message}`;
      await db.actionAttempt.update({ where: { idempotencyKey }, data: { status: 'failed', error: final } });
      return { status: 'failed', error: final };
    }
  } finally {
    await releaseRunLease(db, first.runId, owner);
  }
}

/** The recorded outcome of an attempt that has already ended, or null while it has not. */
function finished(attempt: { status: string; result: unknown; error: string | null }): AttemptResult | null {
  if (attempt.status === 'succeeded') return { status: 'succeeded', result: (attempt.result ?? {}) as Record<string, unknown> };
  if (attempt.status === 'failed') return { status: 'failed', error: attempt.error ?? 'failed' };
  return null;
}
