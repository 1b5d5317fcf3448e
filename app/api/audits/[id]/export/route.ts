// GET /api/audits/[id]/export?portalId=&format=text|markdown|csv|sarif: a finished audit's report as a file (the page's export links, the CLI's formats).
import { z } from 'zod';
import { HttpError } from '@/lib/http/http-error';
import { route } from '@/lib/http/route';
import { auditCoreBinding } from '@/lib/runtime/audit/audit-core-binding';
import { exportAudit } from '@/lib/runtime/audit/export-audit';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const query = z.object({
  id: z.uuid({ message: 'audit id must be a UUID' }),
  format: z.enum(['text', 'markdown', 'csv', 'sarif'], { message: 'format must be one of text, markdown, csv, sarif' }).default('markdown'),
});

export const GET = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const who = requestActor(request);
  const url = new URL(request.url);
  const portalId = portalOf(who, url.searchParams.get('portalId'));
  const { id, format } = query.parse({ id: (await context.params).id, format: url.searchParams.get('format') ?? undefined });
  const exported = await exportAudit(webRuntime(), auditCoreBinding(), portalId, id, format);
  if (!exported.ok) throw new HttpError(exported.problem === 'not-found' ? 404 : 409, exported.reason);
  return new Response(exported.body, {
    headers: { 'content-type': exported.contentType, 'content-disposition': `attachment; filename="${exported.fileName}"` },
  });
});
