/**
 * Opens an audit of a portal and queues its job in one transaction: the row and the job commit
 * together, so an audit is never left queued without a job. A second start while one is open
 * (or with the same run key) answers the existing audit and queues nothing new.
 */
import { enqueue } from '../../queue/enqueue';
import { runAuditJob, runAuditKey } from '../jobs/definitions/run-audit';
import type { RuntimeDeps } from '../runtime-deps';
import { openAudit } from '../store/audit-reports';
import { withPgTransaction } from '../store/sql';

export interface StartedAudit {
  auditId: string;
  created: boolean;
}

export async function startPortalAudit(
  deps: Pick<RuntimeDeps, 'sql' | 'clock'>,
  input: { portalId: bigint; runKey: string; requestedBy: string | null },
): Promise<StartedAudit> {
  return withPgTransaction(deps.sql, async (sql, executor) => {
    const opened = await openAudit(sql, { ...input, now: deps.clock.now() });
    if (opened.created) {
      // unsafe_dedupe: never replace a job of this audit that a worker may already be running.
      await enqueue(executor, runAuditJob, { portalId: input.portalId.toString(), auditId: opened.id }, { jobKey: runAuditKey(opened.id), maxAttempts: 5, mode: 'unsafe_dedupe' });
    }
    return { auditId: opened.id, created: opened.created };
  });
}
