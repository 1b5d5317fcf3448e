/** A finished audit's report in an export format, with its media type and a file name. */
import type { RuntimeDeps } from '../runtime-deps';
import { sqlOf } from '../runtime-deps';
import { auditById } from '../store/audit-reports';
import type { AuditCorePort, ExportFormat, StoredReport } from './audit-core-port';

const TYPES: Record<ExportFormat, { type: string; extension: string }> = {
  text: { type: 'text/plain; charset=utf-8', extension: 'txt' },
  markdown: { type: 'text/markdown; charset=utf-8', extension: 'md' },
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  sarif: { type: 'application/sarif+json', extension: 'sarif' },
};

export type ExportResult = { ok: true; body: string; contentType: string; fileName: string } | { ok: false; problem: 'not-found' | 'not-finished'; reason: string };

export async function exportAudit(deps: Pick<RuntimeDeps, 'sql'>, core: AuditCorePort, portalId: bigint, auditId: string, format: ExportFormat): Promise<ExportResult> {
  const row = await auditById(sqlOf(deps), portalId, auditId);
  if (!row) return { ok: false, problem: 'not-found', reason: `No audit ${auditId} in portal ${portalId}` };
  if (row.status !== 'done' || !row.report) return { ok: false, problem: 'not-finished', reason: `Audit ${auditId} is ${row.status}; only a finished audit can be exported` };
  const day = (row.auditedAt ?? row.createdAt).toISOString().slice(0, 10);
  return {
    ok: true,
    body: core.format(row.report as StoredReport, format),
    contentType: TYPES[format].type,
    fileName: `waymark-audit-${portalId}-${day}.${TYPES[format].extension}`,
  };
}
