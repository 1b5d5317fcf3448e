/** The portal's contracts with a published version (live or paused), for the audit. */
import type { Sql } from './sql';

export interface AuditContractRow {
  key: string;
  name: string;
  status: string;
  version: number;
  definition: unknown;
  /** When the live version was published (the zombie rule's "live since"). */
  liveSince: Date;
}

export async function contractsForAudit(sql: Sql, portalId: bigint): Promise<AuditContractRow[]> {
  return sql.query<AuditContractRow>(
    `SELECT c.key, c.name, c.status::text AS status, v.version, v.definition, v.published_at AS "liveSince"
       FROM contracts c JOIN contract_versions v ON v.id = c.live_version_id
      WHERE c.portal_id = $1 AND c.status IN ('live', 'paused') ORDER BY c.key`,
    [portalId],
  );
}

/** Portals with an active installation (the daily audit's fan-out). */
export async function installedPortalIds(sql: Sql): Promise<bigint[]> {
  const rows = await sql.query<{ portalId: bigint }>(`SELECT portal_id AS "portalId" FROM installations WHERE status = 'active' ORDER BY portal_id`);
  return rows.map((r) => r.portalId);
}
