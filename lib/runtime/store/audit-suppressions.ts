/**
 * Statements on `audit_suppressions`: a finding (rule + subject) a person chose to hide, with the
 * reason and who set it. Setting the same rule and subject again replaces the reason (one row).
 */
import type { Sql } from './sql';

export interface SuppressionRow {
  id: string;
  rule: string;
  subjectKind: string;
  subjectId: string;
  reason: string;
  createdBy: string;
  createdAt: Date;
}

const COLUMNS = `id::text AS id, rule, subject_kind AS "subjectKind", subject_id AS "subjectId", reason, created_by AS "createdBy", created_at AS "createdAt"`;

export async function listSuppressions(sql: Sql, portalId: bigint): Promise<SuppressionRow[]> {
  return sql.query<SuppressionRow>(`SELECT ${COLUMNS} FROM audit_suppressions WHERE portal_id = $1 ORDER BY created_at, id`, [portalId]);
}

export async function upsertSuppression(
  sql: Sql,
  input: { portalId: bigint; rule: string; subjectKind: string; subjectId: string; reason: string; createdBy: string; now: Date },
): Promise<SuppressionRow> {
  const [row] = await sql.query<SuppressionRow>(
    `INSERT INTO audit_suppressions (id, portal_id, rule, subject_kind, subject_id, reason, created_by, created_at)
     VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (portal_id, rule, subject_kind, subject_id)
       DO UPDATE SET reason = EXCLUDED.reason, created_by = EXCLUDED.created_by, created_at = EXCLUDED.created_at
     RETURNING ${COLUMNS}`,
    [input.portalId, input.rule, input.subjectKind, input.subjectId, input.reason, input.createdBy, input.now],
  );
  return row!;
}

/** Removes one suppression of the portal; false when there was none. */
export async function deleteSuppression(sql: Sql, portalId: bigint, id: string): Promise<boolean> {
  const rows = await sql.query(`DELETE FROM audit_suppressions WHERE portal_id = $1 AND id = $2::uuid RETURNING id`, [portalId, id]);
  return rows.length > 0;
}
