/**
 * Handler of `run-audit`: one portal audit (lib/runtime/audit/run-portal-audit.ts). Transient
 * CRM failures are retried by the queue (up to the job's attempts, reading again from the top);
 * on the last attempt, or on a failure retrying cannot fix, the audit is stored as failed.
 */
import { log } from '../../log';
import { handle } from '../../queue/worker';
import type { AuditCorePort } from '../audit/audit-core-port';
import { runPortalAudit } from '../audit/run-portal-audit';
import type { RuntimeDeps } from '../runtime-deps';
import { runAuditJob } from './definitions/run-audit';

export const runAuditHandler = (deps: RuntimeDeps, core: AuditCorePort) =>
  handle(runAuditJob, async ({ portalId, auditId }, { attempts, maxAttempts }) => {
    await deps.clock.sync();
    const outcome = await runPortalAudit(deps, { portalId: BigInt(portalId), auditId, lastAttempt: attempts >= maxAttempts }, core);
    log.info('portal audit', { portalId, auditId, outcome });
  });
