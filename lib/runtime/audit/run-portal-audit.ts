/**
 * The audit use-case (issue #11): read the portal's native workflows (with live progress), its
 * contracts, runtime facts and stage orders; run the pure rules; store the report with its diff
 * against the previous finished audit.
 *
 * Safe to run twice: `startAudit` only claims an audit that is not finished, and `finishAudit`
 * only stores into a running one, so a second run of the job after the first finished does
 * nothing, and one after a crash starts the reading again from the top (reads have no effects).
 */
import { contractSchema } from '../../contracts';
import { CrmPermanentError, InstallationInactiveError } from '../../hubspot/crm-port';
import type { RuntimeDeps } from '../runtime-deps';
import { sqlOf } from '../runtime-deps';
import { contractsForAudit } from '../store/audit-contracts';
import { failAudit, finishAudit, previousFinishedAudit, startAudit, updateAuditProgress } from '../store/audit-reports';
import { loadRuntimeFactRows } from '../store/audit-runtime-facts';
import { listSuppressions } from '../store/audit-suppressions';
import { AuditCoreNotImplementedError } from './audit-core-binding';
import type { AuditCorePort, AuditedContract, StoredReport } from './audit-core-port';
import { readNativeWorkflows } from './read-native-workflows';
import { readStageFacts } from './read-stage-facts';

export type AuditRunOutcome = 'done' | 'failed' | 'already-finished';

/** Errors that retrying the job cannot fix: the audit fails with the message. */
const isPermanent = (error: unknown) => error instanceof CrmPermanentError || error instanceof InstallationInactiveError;

/** The diff against the previous audit; none (the page says so) while the core cannot diff yet. */
function diffOrNull(core: AuditCorePort, previous: StoredReport | null, current: StoredReport): unknown {
  try {
    return core.diff(previous, current);
  } catch (error) {
    if (error instanceof AuditCoreNotImplementedError) return null;
    throw error;
  }
}

export async function runPortalAudit(
  deps: Pick<RuntimeDeps, 'sql' | 'clock' | 'crm'>,
  input: { portalId: bigint; auditId: string; lastAttempt: boolean },
  core: AuditCorePort,
): Promise<AuditRunOutcome> {
  const sql = sqlOf(deps);
  const claimed = await startAudit(sql, input.auditId, deps.clock.now());
  if (!claimed) return 'already-finished';
  try {
    const { flows } = await readNativeWorkflows(deps.crm, input.portalId, ({ total, read }) =>
      updateAuditProgress(sql, input.auditId, { total, read, checked: 0 }),
    );
    const stages = await readStageFacts(deps.crm, input.portalId);
    const now = deps.clock.now();
    const contracts: AuditedContract[] = (await contractsForAudit(sql, input.portalId)).map((row) => {
      const parsed = contractSchema.safeParse(row.definition);
      return { ...row, contract: parsed.success ? parsed.data : null };
    });
    const runtime = await loadRuntimeFactRows(sql, input.portalId, now);
    const suppressions = await listSuppressions(sql, input.portalId);
    const report = core.run({ portalId: input.portalId.toString(), flows, contracts, runtime, ...stages }, { now, suppressions });
    const previous = await previousFinishedAudit(sql, input.portalId, input.auditId);
    const diff = diffOrNull(core, (previous?.report as StoredReport | null) ?? null, report);
    await finishAudit(sql, input.auditId, {
      ruleSetVersion: core.ruleSetVersion, score: report.score, findings: report.findings, report, diff,
      previousId: previous?.id ?? null, auditedAt: now,
    });
    return 'done';
  } catch (error) {
    if (!isPermanent(error) && !input.lastAttempt) throw error;
    await failAudit(sql, input.auditId, error instanceof Error ? error.message : String(error), deps.clock.now());
    return 'failed';
  }
}
