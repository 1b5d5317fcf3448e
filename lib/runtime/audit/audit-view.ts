/**
 * What the API, the page and the CLI show of a stored audit: status, live progress, and (once
 * done) the report and its diff. Ids and dates as JSON strings.
 */
import type { AuditReportRow } from '../store/audit-reports';
import type { StoredReport } from './audit-core-port';

export interface AuditView {
  id: string;
  portalId: string;
  status: AuditReportRow['status'];
  requestedBy: string | null;
  progress: { total: number; read: number; checked: number };
  ruleSetVersion: string | null;
  score: number | null;
  report: StoredReport | null;
  diff: unknown;
  previousId: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  auditedAt: string | null;
}

export function auditView(row: AuditReportRow): AuditView {
  return {
    id: row.id,
    portalId: row.portalId.toString(),
    status: row.status,
    requestedBy: row.requestedBy,
    progress: { total: row.workflowsTotal, read: row.workflowsRead, checked: row.workflowsChecked },
    ruleSetVersion: row.ruleSetVersion,
    score: row.score,
    report: (row.report as StoredReport | null) ?? null,
    diff: row.diff ?? null,
    previousId: row.previousId,
    error: row.error,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    auditedAt: row.auditedAt?.toISOString() ?? null,
  };
}

/** The short form for lists (no findings). */
export function auditSummary(row: AuditReportRow): Omit<AuditView, 'report' | 'diff'> & { findings: number } {
  const { report: _report, diff: _diff, ...rest } = auditView(row);
  return { ...rest, findings: Array.isArray(row.findings) ? row.findings.length : 0 };
}
