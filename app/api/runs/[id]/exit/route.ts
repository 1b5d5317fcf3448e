// POST /api/runs/[id]/exit { exitId, reason }: end a run through a declared exit of the person's choosing (a logged decision with their name).
import { z } from 'zod';
import { safeString } from '@/lib/schema/safe-string';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { exitRunManually } from '@/lib/runtime/control/exit-run';
import { requireRole } from '@/lib/runtime/http/require-role';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { runForRequest } from '@/lib/runtime/http/run-for-request';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const body = z.object({ exitId: safeString(z.string().min(1).max(200)), reason: safeString(z.string().min(1).max(500)) });

export const POST = route<{ params: Promise<{ id: string }> }>(async (request, context) => {
  const who = requestActor(request);
  const deps = webRuntime();
  const run = await runForRequest(deps, who, (await context.params).id);
  await requireRole(who, run.portalId, 'editor', deps.db);
  const input = body.parse(await readJson(request));
  if (run.status !== 'active') throw new HttpError(409, `The run has already ended (${run.exitId})`);
  const outcome = await exitRunManually(deps, { runId: run.id, exitId: input.exitId, reason: input.reason, actor: who.actor });
  if (!outcome.advanced) throw new HttpError(409, `The run could not be ended (${outcome.reason})`);
  if (outcome.status !== 'exited') throw new HttpError(422, `The contract has no exit named '${input.exitId}'; the run continues`);
  return Response.json(outcome);
});
