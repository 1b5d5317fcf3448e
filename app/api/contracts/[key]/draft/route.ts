// PUT /api/contracts/[key]/draft { portalId?, source }: save the editor's draft (never runs; publishing is POST /api/contracts).
import { z } from 'zod';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { saveDraft } from '@/lib/runtime/contracts/save-draft';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requireRole } from '@/lib/runtime/http/require-role';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';
import { safeString } from '@/lib/schema/safe-string';

export const dynamic = 'force-dynamic';

const body = z.object({ portalId: z.string().optional(), source: z.unknown() });
const contractKeyParam = safeString(z.string().min(1).max(200));

export const PUT = route<{ params: Promise<{ key: string }> }>(async (request, context) => {
  const who = requestActor(request);
  const key = contractKeyParam.parse((await context.params).key);
  const input = body.parse(await readJson(request));
  if (input.source === undefined) throw new HttpError(400, 'source is required (the contract as JSON, or its YAML/JSON text)');
  const portalId = portalOf(who, input.portalId);
  const deps = webRuntime();
  await requireRole(who, portalId, 'editor', deps.db);
  const result = await saveDraft(deps.db, portalId, key, input.source);
  if (!result.saved) throw new HttpError(422, result.reason);
  return Response.json(result);
});
