// POST /api/audits { portalId? }: start an audit of the portal (202 with its id; joins the open one if any). GET /api/audits?portalId=: the latest audit, the last finished one and a short history.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { parseJsonBody, readText, route } from '@/lib/http/route';
import { latestAudits } from '@/lib/runtime/audit/read-audits';
import { startPortalAudit } from '@/lib/runtime/audit/start-portal-audit';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const startBody = z.object({ portalId: z.string().optional() }).default({});

/** The start body is optional: an empty body is `{}`. */
async function optionalJson(request: Request): Promise<unknown> {
  const text = await readText(request, 4096);
  if (text.trim() === '') return {};
  return parseJsonBody(text);
}

export const POST = route(async (request) => {
  const who = requestActor(request);
  const input = startBody.parse(await optionalJson(request));
  const portalId = portalOf(who, input.portalId ?? new URL(request.url).searchParams.get('portalId'));
  const deps = webRuntime();
  await deps.clock.sync();
  const started = await startPortalAudit(deps, { portalId, runKey: `on-demand:${randomUUID()}`, requestedBy: who.actor });
  return Response.json(started, { status: 202 });
});

export const GET = route(async (request) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  return Response.json(await latestAudits(webRuntime(), portalId));
});
