/**
 * Loads published contract versions. Versions are immutable rows, so a parsed version is cached
 * by id for the life of the process; the list of live versions per portal changes on publish,
 * pause or retire and is cached for a second only.
 */
import { contractSchema, type Contract } from '../../contracts';
import type { Db } from '../../db/prisma';
import { log } from '../../log';
import type { LiveContract } from '../run/engine-port';
import type { Sql } from './sql';

const parsed = new Map<string, { contract: Contract; version: number }>();
const MAX_CACHED = 5000;

/**
 * A stored version the current schema refuses: published before a check that now refuses it
 * (e.g. a wait longer than the 100-year cap, issue 9). It can take no new run; callers skip it
 * (routing) or say so (manual start) instead of failing everything with it.
 */
export class UnrunnableVersionError extends Error {
  constructor(
    readonly versionId: string,
    readonly problem: string,
  ) {
    super(`contract version ${versionId} cannot run: ${problem}`);
    this.name = 'UnrunnableVersionError';
  }
}

/** Parses (once) an immutable version's definition. Throws UnrunnableVersionError when it is not a complete contract. */
export function parseVersion(versionId: string, definition: unknown, version: number): Contract {
  const hit = parsed.get(versionId);
  if (hit) return hit.contract;
  const result = contractSchema.safeParse(definition);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new UnrunnableVersionError(versionId, `${issue?.path.join('.') || 'definition'} ${issue?.message ?? 'is not valid'}`);
  }
  const contract = result.data;
  if (parsed.size >= MAX_CACHED) parsed.clear();
  parsed.set(versionId, { contract, version });
  return contract;
}

/** A version's contract and number, from the cache or read once. */
export async function versionContract(sql: Sql, versionId: string): Promise<{ contract: Contract; version: number }> {
  const hit = parsed.get(versionId);
  if (hit) return hit;
  const [row] = await sql.query<{ definition: unknown; version: number }>(`SELECT definition, version FROM contract_versions WHERE id = $1::uuid`, [versionId]);
  if (!row) throw new Error(`contract version ${versionId} does not exist`);
  return { contract: parseVersion(versionId, row.definition, row.version), version: row.version };
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
    let contract: Contract;
    try {
      contract = parseVersion(v.id, v.definition, v.version);
    } catch (error) {
      // One version that cannot run must not stop routing for the portal's other contracts.
      if (!(error instanceof UnrunnableVersionError)) throw error;
      log.warn('live contract version skipped: it cannot run', { portalId: key, contractKey: row.key, versionId: v.id, problem: error.problem });
      continue;
    }
    list.push({ contractId: row.id, versionId: v.id, version: v.version, key: row.key, status: row.status, contract });
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
  return { contractId: row.id, versionId: v.id, version: v.version, key: row.key, status: row.status, contract: parseVersion(v.id, v.definition, v.version) };
}
