// POST /api/contracts/what-if { portalId?, contract }: how many of the portal's current records would enter, why the others would not, which lanes they would collide on.
import { z } from 'zod';
import { parseContract } from '@/lib/contracts';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { whatIfForPortal } from '@/lib/runtime/control/what-if';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const body = z.object({ portalId: z.string().optional(), contract: z.unknown() });

export const POST = route(async (request) => {
  const who = requestActor(request);
  const input = body.parse(await readJson(request));
  const parsed = parseContract(input.contract);
  if (!parsed.complete) throw new HttpError(422, 'The contract is incomplete or invalid; fix its schema findings first', parsed.findings);
  return Response.json(await whatIfForPortal(webRuntime(), portalOf(who, input.portalId), parsed.complete));
});
