/**
 * Loads published contract versions. Versions are immutable rows, so a parsed version is cached
 * by id for the life of the process; the list of live versions per portal changes on publish,
 * pause or retire and is cached for a second only.
 */
import { contractSchema, type Contract } from '../../contracts';
import type { Db } from '../../db/prisma';
import type { LiveContract } from '../run/engine-port';

const parsed = new Map<string, Contract>();
const MAX_CACHED = 5000;

/** Parses (once) an immutable version's definition. Throws when it is not a complete contract. */
export function versionContract(versionId: string, definition: unknown): Contract {
  const hit = parsed.get(versionId);
  if (hit) return hit;
  const contract = contractSchema.parse(definition);
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(versionId, contract);
  return contract;
}

const liveCache = new Map<string, { at: number; list: LiveContract[] }>();

/** Forgets the cached live list of a portal (after publish, pause, retire). */
export function forgetLiveContracts(portalId: bigint): void {
  liveCache.delete(portalId.toString());
}

/** Contracts of the portal whose status is `live`, with their live version. */
export async function liveContracts(db: Db, portalId: bigint, options: { maxAgeMs?: number } = {}): Promise<LiveContract[]> {
  const key = portalId.toString();
  const hit = liveCache.get(key);
  if (hit && Date.now() - hit.at < (options.maxAgeMs ?? 1000)) return hit.list;
  const rows = await db.contract.findMany({
    where: { portalId, status: 'live', liveVersionId: { not: null } },
    select: { id: true, key: true, status: true, liveVersionId: true },
  });
  const versions = await db.contractVersion.findMany({
    where: { id: { in: rows.map((r) => r.liveVersionId!) } },
    select: { id: true, version: true, definition: true, contractId: true },
  });
  const byId = new Map(versions.map((v) => [v.id, v]));
  const list: LiveContract[] = [];
  for (const row of rows) {
    const v = byId.get(row.liveVersionId!);
    if (!v) continue;
    list.push({
      contractId: row.id,
      versionId: v.id,
      version: v.version,
      key: row.key,
      status: row.status,
      contract: versionContract(v.id, v.definition),
    });
  }
  liveCache.set(key, { at: Date.now(), list });
  return list;
}

/** One contract by key with its live version (any status), or null. */
export async function contractByKey(db: Db, portalId: bigint, key: string): Promise<LiveContract | null> {
  const row = await db.contract.findUnique({ where: { portalId_key: { portalId, key } } });
  if (!row?.liveVersionId) return null;
  const v = await db.contractVersion.findUnique({ where: { id: row.liveVersionId } });
  if (!v) return null;
  return { contractId: row.id, versionId: v.id, version: v.version, key: row.key, status: row.status, contract: versionContract(v.id, v.definition) };
}
