/**
 * What Waymark is doing with each demo contact, in one line, for the landing page: its active
 * runs (contract and step), else how its latest run ended. A restart of `npm run dev` re-seeds
 * the sandbox's records but Waymark keeps its runs, so this also shows which contacts are fresh.
 */
import type { Db } from '../db/prisma';

/** Record id → summary such as "no-show-rebook at await-booking" or "no-show-rebook → exit-silent". */
export async function demoRunSummaries(db: Db, portalId: number): Promise<Map<string, string>> {
  const runs = await db.run.findMany({
    where: { portalId: BigInt(portalId), objectType: 'contact' },
    orderBy: { startedAt: 'desc' },
    select: { recordId: true, contractKey: true, status: true, currentStepId: true, exitId: true },
    take: 500,
  });
  const byRecord = new Map<string, typeof runs>();
  for (const run of runs) byRecord.set(run.recordId, [...(byRecord.get(run.recordId) ?? []), run]);
  const summaries = new Map<string, string>();
  for (const [recordId, list] of byRecord) {
    const active = list.filter((r) => r.status === 'active');
    const latest = list[0]!;
    summaries.set(
      recordId,
      active.length > 0
        ? active.map((r) => `${r.contractKey} at ${r.currentStepId ?? 'start'}`).join('; ')
        : `${latest.contractKey} → ${latest.exitId ?? latest.status}`,
    );
  }
  return summaries;
}
