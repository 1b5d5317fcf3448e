/**
 * Statements on `audit_reports`: open an audit (one open per portal, one per run key), move it
 * through running → done | failed with its live progress, and read reports back.
 *
 * Concurrency: `openAudit` relies on the two unique indexes instead of a check-then-insert, so
 * two "Run audit" clicks, a retried request or the daily fan-out run twice all end with one row;
 * the loser reads the winner's row. The job's transitions are guarded by status, so a job run
 * twice (a retry after a crash) never reopens a finished audit.
 */
import type { Sql } from './sql';

export type AuditStatus = 'queued' | 'running' | 'done' | 'failed';

/** One audit as stored (JSON columns as the job wrote them). */
export interface AuditReportRow {
  id: string;
  portalId: bigint;
  runKey: string;
  requestedBy: string | null;
  status: AuditStatus;
  ruleSetVersion: string | null;
  score: number | null;
  workflowsTotal: number;
  workflowsRead: number;
  workflowsChecked: number;
  findings: unknown;
  report: unknown;
  diff: unknown;
  previousId: string | null;
  error: string | null;
  createdAt: Date;
  startedAt: Date | null;
  auditedAt: Date | null;
}

const COLUMNS = `id::text AS "id", portal_id AS "portalId", run_key AS "runKey", requested_by AS "requestedBy", status::text AS "status",
  rule_set_version AS "ruleSetVersion", score, workflows_total AS "workflowsTotal", workflows_read AS "workflowsRead",
  workflows_checked AS "workflowsChecked", findings, report, diff, previous_id::text AS "previousId", error,
  created_at AS "createdAt", started_at AS "startedAt", audited_at AS "auditedAt"`;

const INSERT_OPEN = `INSERT INTO audit_reports (id, portal_id, run_key, requested_by, status, created_at)
  VALUES (gen_random_uuid(), $1, $2, $3, 'queued', $4) ON CONFLICT DO NOTHING RETURNING id::text AS id`;
const FIND_OPEN_OR_KEYED = `SELECT id::text AS id FROM audit_reports
  WHERE portal_id = $1 AND (run_key = $2 OR status IN ('queued', 'running')) ORDER BY (run_key = $2) DESC LIMIT 1`;

/**
 * Opens an audit of the portal under `runKey`, or answers the audit that already holds the key
 * or is already open (`created: false`).
 */
export async function openAudit(sql: Sql, input: { portalId: bigint; runKey: string; requestedBy: string | null; now: Date }): Promise<{ id: string; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const [inserted] = await sql.query<{ id: string }>(INSERT_OPEN, [input.portalId, input.runKey, input.requestedBy, input.now]);
    if (inserted) return { id: inserted.id, created: true };
    // The conflicting row may belong to a transaction that committed after this statement's
    // snapshot; a fresh statement sees it. If it finished in between, the insert can win now.
    const [existing] = await sql.query<{ id: string }>(FIND_OPEN_OR_KEYED, [input.portalId, input.runKey]);
    if (existing) return { id: existing.id, created: false };
  }
  throw new Error(`could not open an audit of portal ${input.portalId}`);
}

/** Claims a queued (or, after a crash, still running) audit for the job; null when it is already finished. */
export async function startAudit(sql: Sql, id: string, now: Date): Promise<AuditReportRow | null> {
  const [row] = await sql.query<AuditReportRow>(
    `UPDATE audit_reports SET status = 'running', started_at = COALESCE(started_at, $2)
      WHERE id = $1::uuid AND status IN ('queued', 'running') RETURNING ${COLUMNS}`,
    [id, now],
  );
  return row ?? null;
}

/** Live progress: workflows read and checked out of the total. */
export async function updateAuditProgress(sql: Sql, id: string, progress: { total: number; read: number; checked: number }): Promise<void> {
  await sql.query(
    `UPDATE audit_reports SET workflows_total = $2, workflows_read = $3, workflows_checked = $4 WHERE id = $1::uuid AND status = 'running'`,
    [id, progress.total, progress.read, progress.checked],
  );
}

export interface FinishedAudit {
  ruleSetVersion: string;
  score: number;
  findings: unknown;
  report: unknown;
  diff: unknown;
  previousId: string | null;
  auditedAt: Date;
}

/** Stores the report; false when the audit was no longer running (a second run of the job). */
export async function finishAudit(sql: Sql, id: string, done: FinishedAudit): Promise<boolean> {
  const rows = await sql.query(
    `UPDATE audit_reports SET status = 'done', rule_set_version = $2, score = $3, findings = $4::jsonb, report = $5::jsonb,
        diff = $6::jsonb, previous_id = $7::uuid, audited_at = $8, workflows_checked = workflows_total
      WHERE id = $1::uuid AND status = 'running' RETURNING id`,
    [id, done.ruleSetVersion, done.score, JSON.stringify(done.findings), JSON.stringify(done.report), JSON.stringify(done.diff), done.previousId, done.auditedAt],
  );
  return rows.length > 0;
}

/** Ends an audit that cannot finish (the portal's workflows could not be read, …). */
export async function failAudit(sql: Sql, id: string, error: string, now: Date): Promise<void> {
  await sql.query(`UPDATE audit_reports SET status = 'failed', error = $2, audited_at = $3 WHERE id = $1::uuid AND status IN ('queued', 'running')`, [id, error.slice(0, 2000), now]);
}

/** One audit of the portal, or null (an id of another portal is null too). */
export async function auditById(sql: Sql, portalId: bigint, id: string): Promise<AuditReportRow | null> {
  const [row] = await sql.query<AuditReportRow>(`SELECT ${COLUMNS} FROM audit_reports WHERE id = $1::uuid AND portal_id = $2`, [id, portalId]);
  return row ?? null;
}

/** The portal's most recent audits, newest first. */
export async function recentAudits(sql: Sql, portalId: bigint, limit = 10): Promise<AuditReportRow[]> {
  return sql.query<AuditReportRow>(`SELECT ${COLUMNS} FROM audit_reports WHERE portal_id = $1 ORDER BY created_at DESC, id DESC LIMIT $2`, [portalId, limit]);
}

/** The last finished audit of the portal other than `exceptId` (the base of a diff). */
export async function previousFinishedAudit(sql: Sql, portalId: bigint, exceptId: string): Promise<AuditReportRow | null> {
  const [row] = await sql.query<AuditReportRow>(
    `SELECT ${COLUMNS} FROM audit_reports WHERE portal_id = $1 AND status = 'done' AND id <> $2::uuid ORDER BY audited_at DESC LIMIT 1`,
    [portalId, exceptId],
  );
  return row ?? null;
}
