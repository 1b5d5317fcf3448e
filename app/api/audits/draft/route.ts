// GET /api/audits/draft?portalId=&workflowId=: a contract drafted from one native workflow, with what the workflow never declared as open findings.
import { z } from 'zod';
import { HttpError } from '@/lib/http/http-error';
import { route } from '@/lib/http/route';
import { AuditCoreNotImplementedError, auditCoreBinding } from '@/lib/runtime/audit/audit-core-binding';
import { draftFromWorkflow } from '@/lib/runtime/audit/draft-from-workflow';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const workflowIdSchema = z.string({ message: 'workflowId is required' }).regex(/^\d{1,19}$/, 'workflowId must be a HubSpot flow id');

export const GET = route(async (request) => {
  const who = requestActor(request);
  const url = new URL(request.url);
  const portalId = portalOf(who, url.searchParams.get('portalId'));
  const workflowId = workflowIdSchema.parse(url.searchParams.get('workflowId') ?? undefined);
  const deps = webRuntime();
  await deps.clock.sync();
  try {
    const drafted = await draftFromWorkflow(deps, auditCoreBinding(), portalId, workflowId);
    if (!drafted.ok) throw new HttpError(404, drafted.reason);
    return Response.json(drafted.value);
  } catch (error) {
    // Said plainly until lib/audit can draft (see audit-core-binding.ts), never a fake draft.
    if (error instanceof AuditCoreNotImplementedError) throw new HttpError(501, 'Drafting a contract from a workflow is not available yet');
    throw error;
  }
});
