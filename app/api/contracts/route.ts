// GET /api/contracts?portalId=: the portal's contracts with status and live version. POST: publish a contract (refused when the linter reports errors).
import { z } from 'zod';
import { VERSION_POLICIES, publishContract } from '@/lib/runtime/contracts/publish-contract';
import { HttpError } from '@/lib/http/http-error';
import { listContracts } from '@/lib/runtime/contracts/list-contracts';
import { readJson, route } from '@/lib/http/route';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requireRole } from '@/lib/runtime/http/require-role';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  return Response.json({ contracts: await listContracts(webRuntime().db, portalId) });
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
