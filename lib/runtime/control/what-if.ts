/**
 * "What if I publish this?": the engine's entry decision over the portal's current records (the
 * records Waymark holds for the contract's object type, with their shared state), as if the
 * trigger fired for each now. Reads at most `limit` records, in pages.
 */
import type { Contract } from '../../contracts';
import { whatIfPublish, type WhatIfRecord, type WhatIfReport } from '../../engine/what-if-publish';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { recordSnapshot } from '../run/record-snapshot';
import { toStoredRecordState } from '../store/merge-record-state';
import { portalContext } from '../store/portal-context';
import { recordKeyString } from '../store/record-states';
import { loadSharedStates } from '../store/shared-state';

const PAGE = 1000;

export async function whatIfForPortal(deps: RuntimeDeps, portalId: bigint, contract: Contract, limit = 20_000): Promise<WhatIfReport & { truncated: boolean }> {
  await deps.clock.sync();
  const now = deps.clock.now();
  const records: WhatIfRecord[] = [];
  let after = '';
  let truncated = false;
  for (;;) {
    const rows = await deps.db.recordState.findMany({
      where: { portalId, objectType: contract.object, deleted: false, mergedInto: null, recordId: { gt: after } },
      orderBy: { recordId: 'asc' },
      take: PAGE,
    });
    if (rows.length === 0) break;
    const keys = rows.map((r) => ({ objectType: r.objectType, recordId: r.recordId }));
    const shared = await loadSharedStates(sqlOf(deps), portalId, keys, now);
    for (const row of rows) {
      records.push({
        record: recordSnapshot(row.objectType, row.recordId, toStoredRecordState(row)),
        shared: shared.get(recordKeyString(row))!,
      });
    }
    after = rows[rows.length - 1]!.recordId;
    if (records.length >= limit) {
      truncated = true;
      break;
    }
  }
  const report = whatIfPublish(contract, records, { now, portal: await portalContext(sqlOf(deps), portalId) });
  return { ...report, truncated };
}
