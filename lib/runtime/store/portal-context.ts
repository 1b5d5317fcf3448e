/**
 * The portal facts decisions depend on: its time zone (business-hours waits) and known stage
 * orders (a monotonic stage policy without an explicit `order`).
 */
import type { PortalContext } from '../../engine/types';
import type { Sql } from './sql';

/** HubSpot's default lifecycle stage order (contacts and companies). */
export const LIFECYCLE_ORDER = [
  'subscriber',
  'lead',
  'marketingqualifiedlead',
  'salesqualifiedlead',
  'opportunity',
  'customer',
  'evangelist',
  'other',
] as const;

const cache = new Map<string, { at: number; context: PortalContext }>();

export async function portalContext(sql: Sql, portalId: bigint): Promise<PortalContext> {
  const key = portalId.toString();
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < 60_000) return hit.context;
  const [installation] = await sql.query<{ timeZone: string }>(`SELECT time_zone AS "timeZone" FROM installations WHERE portal_id = $1`, [portalId]);
  const context: PortalContext = {
    timeZone: installation?.timeZone ?? 'UTC',
    stageOrders: { lifecyclestage: LIFECYCLE_ORDER },
  };
  cache.set(key, { at: Date.now(), context });
  return context;
}
