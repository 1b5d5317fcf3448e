/**
 * Publishing a contract: parse it, lint it together with the portal's other live contracts,
 * refuse it when the linter reports an error about it, and otherwise store an immutable
 * `contract_versions` row and make it the live version. Publishing the same content again is a
 * no-op (same content hash).
 *
 * Version policies (declared by the publisher, stored with the version):
 * - `drain` (default): runs stay on the version they started on until they end;
 * - `migrate`: active runs whose current step also exists in the new version move to it (each
 *   move is a logged decision); the others drain.
 *
 * Concurrency: the contract row is locked (`FOR UPDATE`) while the next version number is
 * taken, and the unique (contract, version) index backs it up.
 */
import { createHash } from 'node:crypto';
import { parseContract, type Contract, type Finding } from '../../contracts';
import { lintContracts, type LintItem } from '../../contracts/lint/lint-contracts';
import type { Db } from '../../db/prisma';
import { forgetLiveContracts, liveContracts } from '../store/contract-versions';
import { LIFECYCLE_ORDER } from '../store/portal-context';

/** Declared policies for runs of earlier versions. */
export const VERSION_POLICIES = ['drain', 'migrate'] as const;
export type VersionPolicy = (typeof VERSION_POLICIES)[number];

export interface PublishInput {
  portalId: bigint;
  /** Contract JSON/YAML text or an already parsed value. */
  source: unknown;
  publishedBy: string;
  versionPolicy?: VersionPolicy;
  now: Date;
}

export type PublishResult =
  | { published: true; contractId: string; versionId: string; version: number; unchanged: boolean; migratedRuns: number; warnings: Finding[] }
  | { published: false; reason: string; findings: Finding[] };

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function publishContract(db: Db, input: PublishInput): Promise<PublishResult> {
  const parsed = parseContract(input.source);
  if (parsed.unreadable) return { published: false, reason: `The contract is unreadable: ${parsed.unreadable}`, findings: [] };
  const others = (await liveContracts(db, input.portalId, { maxAgeMs: 0 })).filter((c) => c.key !== parsed.contract?.key);
  const items: LintItem[] = [{ parsed }, ...others.map((c) => ({ parsed: parseContract(c.contract) }))];
  const lint = lintContracts(items, { context: { now: input.now, stageOrders: { lifecyclestage: LIFECYCLE_ORDER } } });
  const key = parsed.contract?.key;
  const mine = lint.findings.filter((f) => f.contract === undefined || f.contract === key);
  const errors = mine.filter((f) => f.severity === 'error' && !f.exception);
  if (errors.length > 0 || !parsed.complete) {
    return { published: false, reason: `The linter reports ${errors.length} error(s); a contract with errors cannot go live.`, findings: errors.length > 0 ? errors : parsed.findings };
  }
  const contract: Contract = parsed.complete;
  const contentHash = createHash('sha256').update(canonical(parsed.data)).digest('hex');
  const policy = input.versionPolicy ?? 'drain';
  const result = await db.$transaction(async (tx) => {
    await tx.contract.upsert({
      where: { portalId_key: { portalId: input.portalId, key: contract.key } },
      create: { portalId: input.portalId, key: contract.key, name: contract.name, objectType: contract.object, status: 'draft', draft: parsed.data as object },
      update: {},
    });
    const [row] = await tx.$queryRawUnsafe<{ id: string; live_version_id: string | null }[]>(
      `SELECT id, live_version_id FROM contracts WHERE portal_id = $1 AND key = $2 FOR UPDATE`,
      input.portalId,
      contract.key,
    );
    const contractId = row!.id;
    const current = row!.live_version_id ? await tx.contractVersion.findUnique({ where: { id: row!.live_version_id } }) : null;
    if (current && current.contentHash === contentHash) {
      await tx.contract.update({ where: { id: contractId }, data: { status: 'live', name: contract.name, draft: parsed.data as object } });
      return { contractId, versionId: current.id, version: current.version, unchanged: true, migratedRuns: 0 };
    }
    const last = await tx.contractVersion.findFirst({ where: { contractId }, orderBy: { version: 'desc' }, select: { version: true } });
    const version = await tx.contractVersion.create({
      data: {
        contractId,
        portalId: input.portalId,
        version: (last?.version ?? 0) + 1,
        definition: parsed.data as object,
        contentHash,
        versionPolicy: policy,
        publishedBy: input.publishedBy,
        publishedAt: input.now,
      },
    });
    await tx.contract.update({
      where: { id: contractId },
      data: { status: 'live', liveVersionId: version.id, name: contract.name, objectType: contract.object, draft: parsed.data as object },
    });
    let migratedRuns = 0;
    if (policy === 'migrate') {
      const stepIds = contract.steps.map((s) => s.id);
      const moved = await tx.$queryRawUnsafe<{ id: string; object_type: string; record_id: string; current_step_id: string }[]>(
        `UPDATE runs SET contract_version_id = $2::uuid, updated_at = now()
          WHERE contract_id = $1::uuid AND status = 'active' AND contract_version_id <> $2::uuid AND current_step_id = ANY($3::text[])
          RETURNING id, object_type, record_id, current_step_id`,
        contractId,
        version.id,
        stepIds,
      );
      migratedRuns = moved.length;
      if (moved.length > 0) {
        await tx.decisionLog.createMany({
          data: moved.map((r) => ({
            portalId: input.portalId,
            runId: r.id,
            contractKey: contract.key,
            objectType: r.object_type,
            recordId: r.record_id,
            kind: 'version',
            outcome: 'migrated',
            reason: `Moved to version ${version.version} at step ${r.current_step_id} (publisher chose the migrate policy).`,
            inputs: { version: version.version, stepId: r.current_step_id },
            actor: input.publishedBy,
            at: input.now,
          })),
        });
      }
    }
    return { contractId, versionId: version.id, version: version.version, unchanged: false, migratedRuns };
  });
  forgetLiveContracts(input.portalId);
  return { published: true, ...result, warnings: mine.filter((f) => f.severity !== 'error') };
}
