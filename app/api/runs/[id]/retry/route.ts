// POST /api/runs/[id]/retry { idempotencyKey }: retry an action of the run that failed for good (a logged decision with the person's name).
import { z } from 'zod';
import { safeString } from '@/lib/schema/safe-string';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { retryFailedAction } from '@/lib/runtime/control/retry-action';
import { requireRole } from '@/lib/runtime/http/require-role';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { runForRequest } from '@/lib/runtime/http/run-for-request';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const body = z.object({ idempotencyKey: safeString(z.string().min(1).max(300)) });

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const who = requestActor(request);
  const deps = webRuntime();
  const run = await runForRequest(deps, who, (await context.params).id);
  await requireRole(who, run.portalId, 'editor', deps.db);
  const input = body.parse(await readJson(request));
  const result = await retryFailedAction(deps, { runId: run.id, idempotencyKey: input.idempotencyKey, actor: who.actor });
  if (!result.retried) throw new HttpError(result.status, result.reason);
  return Response.json(result, { status: 202 });
});
