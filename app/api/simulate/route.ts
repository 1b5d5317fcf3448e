// POST /api/simulate: dry-run a contract for one record on virtual time (no side effects, no
// database). Body: see simulateRequestSchema in lib/engine/simulate-request.ts. Answers the path,
// every decision with its inputs and the exit; 400 with the problems in words for bad input.
// Callers are identified like every control route (requestActor): in connected mode an embed
// token is required (401 without), since a simulation spends the web process's CPU; in sandbox
// mode the local operator may call it. Durations are capped (lib/contracts/iso-duration.ts) and
// business-hours arithmetic skips whole weeks, so one request's work is bounded.
import { runSimulation } from '@/lib/engine/simulate-request';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { systemClock } from '@/lib/runtime/clock';
import { requestActor } from '@/lib/runtime/http/request-actor';

export const dynamic = 'force-dynamic';

/** A simulation request is small; a bigger body is refused before parsing. */
const MAX_BODY_BYTES = 512 * 1024;

export const POST = route(async (request) => {
  requestActor(request);
  const outcome = runSimulation(await readJson(request, MAX_BODY_BYTES), systemClock.now());
  if (!outcome.ok) throw new HttpError(400, 'The simulation input is not valid', outcome.problems);
  return Response.json(outcome.result);
});
