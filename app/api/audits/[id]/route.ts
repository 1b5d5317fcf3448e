// GET /api/audits/[id]?portalId=: one audit — status and live progress while it runs, then the report and its diff against the previous audit.
import { z } from 'zod';
import { HttpError } from '@/lib/http/http-error';
import { route } from '@/lib/http/route';
import { readAudit } from '@/lib/runtime/audit/read-audits';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const auditIdSchema = z.uuid({ message: 'audit id must be a UUID' });

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  const id = auditIdSchema.parse((await context.params).id);
  const audit = await readAudit(webRuntime(), portalId, id);
  if (!audit) throw new HttpError(404, `No audit ${id} in portal ${portalId}`);
  return Response.json(audit);
});
