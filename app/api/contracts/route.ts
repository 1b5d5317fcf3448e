// GET /api/contracts?portalId=: the portal's contracts with status and live version. POST: publish a contract (refused when the linter reports errors).
import { z } from 'zod';
import { VERSION_POLICIES, publishContract } from '@/lib/runtime/contracts/publish-contract';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requireRole } from '@/lib/runtime/http/require-role';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  const { db } = webRuntime();
  const contracts = await db.contract.findMany({
    where: { portalId },
    orderBy: { key: 'asc' },
    select: { key: true, name: true, objectType: true, status: true, liveVersionId: true, updatedAt: true, versions: { select: { id: true, version: true, publishedAt: true, publishedBy: true, versionPolicy: true }, orderBy: { version: 'desc' } } },
  });
  const active = await db.run.groupBy({ by: ['contractKey'], where: { portalId, status: 'active' }, _count: true });
  const counts = new Map(active.map((a) => [a.contractKey, a._count]));
  return Response.json({
    contracts: contracts.map((c) => ({
      ...c,
      liveVersion: c.versions.find((v) => v.id === c.liveVersionId)?.version ?? null,
      activeRuns: counts.get(c.key) ?? 0,
    })),
  });
});

const publishBody = z.object({
  portalId: z.string().optional(),
  contract: z.unknown(),
  versionPolicy: z.enum(VERSION_POLICIES).optional(),
});

export const POST = route(async (request) => {
  const who = requestActor(request);
  const input = publishBody.parse(await readJson(request));
  if (input.contract === undefined) throw new HttpError(400, 'contract is required (the contract as JSON, or its YAML/JSON text)');
  const portalId = portalOf(who, input.portalId);
  const deps = webRuntime();
  await requireRole(who, portalId, 'editor', deps.db);
  await deps.clock.sync();
  const result = await publishContract(deps.db, {
    portalId,
    source: input.contract,
    publishedBy: who.actor,
    versionPolicy: input.versionPolicy,
    now: deps.clock.now(),
  });
  if (!result.published) return Response.json({ error: result.reason, findings: result.findings }, { status: 422 });
  return Response.json(result, { status: result.unchanged ? 200 : 201 });
});
