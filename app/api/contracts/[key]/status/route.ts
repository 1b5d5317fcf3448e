// POST /api/contracts/[key]/status { action: pause | resume | retire, exitId?, reason? }: stop new enrollments, resume, or retire (ending active runs through a declared exit).
import { z } from 'zod';
import { safeString } from '@/lib/schema/safe-string';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { setContractStatus } from '@/lib/runtime/contracts/set-contract-status';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requireRole } from '@/lib/runtime/http/require-role';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const body = z.discriminatedUnion('action', [
  z.object({ action: z.literal('pause'), portalId: z.string().optional() }),
  z.object({ action: z.literal('resume'), portalId: z.string().optional() }),
  z.object({ action: z.literal('retire'), portalId: z.string().optional(), exitId: safeString(z.string().min(1).max(200)), reason: safeString(z.string().min(1).max(500)) }),
]);

/** The contract key in the URL (route() has already refused NUL and lone surrogates in it). */
const contractKeyParam = safeString(z.string().min(1).max(200));

export const POST = route<{ params: Promise<{ key: string }> }>(async (request, context) => {
  const who = requestActor(request);
  const key = contractKeyParam.parse((await context.params).key);
  const input = body.parse(await readJson(request));
  const portalId = portalOf(who, input.portalId);
  const deps = webRuntime();
  await requireRole(who, portalId, 'editor', deps.db);
  await deps.clock.sync();
  const change = input.action === 'retire' ? { action: 'retire' as const, exitId: input.exitId, reason: input.reason } : { action: input.action };
  const result = await setContractStatus(deps, portalId, key, change, who.actor);
  // A missing contract is 404; one that exists but cannot take this change now is a conflict.
  if (!result.ok) throw new HttpError(result.problem === 'not-found' ? 404 : 409, result.reason);
  return Response.json(result);
});
