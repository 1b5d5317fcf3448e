// DELETE /api/audits/suppressions/[id]?portalId=: show a suppressed finding again.
import { z } from 'zod';
import { HttpError } from '@/lib/http/http-error';
import { route } from '@/lib/http/route';
import { removeSuppression } from '@/lib/runtime/audit/manage-suppressions';
import { assertMaySuppress } from '@/lib/runtime/audit/suppression-permission';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

export const DELETE = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  assertMaySuppress(who);
  const id = z.uuid({ message: 'suppression id must be a UUID' }).parse((await context.params).id);
  if (!(await removeSuppression(webRuntime(), portalId, id))) throw new HttpError(404, `No suppression ${id} in portal ${portalId}`);
  return new Response(null, { status: 204 });
});
