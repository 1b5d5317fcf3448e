/**
 * The daily audit: one audit per installed portal, keyed by the runtime clock's UTC date, so the
 * fan-out run twice on a day (two workers, a retry) opens each portal's audit once.
 */
import type { RuntimeDeps } from '../runtime-deps';
import { installedPortalIds } from '../store/audit-contracts';
import { sqlOf } from '../runtime-deps';
import { startPortalAudit } from './start-portal-audit';

export const dailyRunKey = (now: Date) => `daily:${now.toISOString().slice(0, 10)}`;

export async function fanOutDailyAudits(deps: Pick<RuntimeDeps, 'sql' | 'clock'>): Promise<{ portals: number; opened: number }> {
  const runKey = dailyRunKey(deps.clock.now());
  let opened = 0;
  const portals = await installedPortalIds(sqlOf(deps));
  for (const portalId of portals) {
    const started = await startPortalAudit(deps, { portalId, runKey, requestedBy: 'daily' });
    if (started.created) opened += 1;
  }
  return { portals: portals.length, opened };
}
