// GET /api/audits/suppressions?portalId=: the portal's suppressed findings. POST { rule, subject: {kind, id}, reason }: suppress one (who set it is recorded).
import { readJson, route } from '@/lib/http/route';
import { addSuppression, portalSuppressions, suppressionInput } from '@/lib/runtime/audit/manage-suppressions';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';
import { assertMaySuppress } from '@/lib/runtime/audit/suppression-permission';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  return Response.json({ suppressions: await portalSuppressions(webRuntime(), portalId) });
});

export const POST = route(async (request) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  assertMaySuppress(who);
  const input = suppressionInput.parse(await readJson(request));
  return Response.json(await addSuppression(webRuntime(), portalId, input, who.actor), { status: 201 });
});
