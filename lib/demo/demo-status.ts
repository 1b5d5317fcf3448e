/** What the landing page says about the sandbox demo: is Waymark installed there, which contracts are live. */
import type { Db } from '../db/prisma';
import { isInstallationActive } from '../runtime/store/installations';

/** The demo portal as the app's own state store sees it. */
export interface DemoStatus {
  installed: boolean;
  liveContracts: string[];
}

export async function demoStatus(db: Db, portalId: number): Promise<DemoStatus> {
  const portal = BigInt(portalId);
  const [installed, live] = await Promise.all([
    isInstallationActive(db, portal),
    db.contract.findMany({ where: { portalId: portal, status: 'live' }, select: { key: true }, orderBy: { key: 'asc' } }),
  ]);
  return { installed, liveContracts: live.map((c) => c.key) };
}
