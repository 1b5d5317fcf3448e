/** A record's runs with their decisions (GET /api/runs); int8 ids as strings for JSON. */
import type { Db } from '../../db/prisma';
import { listRecordDecisions, listRecordRuns, type RecordKey } from '../store/record-runs';

export async function readRecordRuns(db: Db, portalId: bigint, record: RecordKey) {
  const [runs, decisions] = await Promise.all([listRecordRuns(db, portalId, record), listRecordDecisions(db, portalId, record)]);
  return { runs, decisions: decisions.map((d) => ({ ...d, id: d.id.toString(), portalId: d.portalId.toString() })) };
}
