/** Reading audits for the API and the page: one by id, or the latest of a portal. */
import type { RuntimeDeps } from '../runtime-deps';
import { sqlOf } from '../runtime-deps';
import { auditById, recentAudits } from '../store/audit-reports';
import { auditSummary, auditView, type AuditView } from './audit-view';

export async function readAudit(deps: Pick<RuntimeDeps, 'sql'>, portalId: bigint, auditId: string): Promise<AuditView | null> {
  const row = await auditById(sqlOf(deps), portalId, auditId);
  return row ? auditView(row) : null;
}

/** The newest audit in full (open or finished), the newest finished one, and a short history. */
export async function latestAudits(deps: Pick<RuntimeDeps, 'sql'>, portalId: bigint) {
  const rows = await recentAudits(sqlOf(deps), portalId, 10);
  const latest = rows[0] ? auditView(rows[0]) : null;
  const finished = rows.find((r) => r.status === 'done');
  return {
    latest,
    lastFinished: finished ? (finished === rows[0] ? latest : auditView(finished)) : null,
    history: rows.map(auditSummary),
  };
}
