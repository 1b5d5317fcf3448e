// POST /api/clock/advance { by: "P3D" }: fast-forwards the sandbox clock and fires every due wake-up in order (404 when connected).
import { z } from 'zod';
import { appDb } from '@/lib/app-db';
import { isoDurationSchema, isoDurationToMilliseconds, parseIsoDuration } from '@/lib/contracts';
import { env } from '@/lib/env';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { enqueue } from '@/lib/queue/enqueue';
import { syncSandboxClock } from '@/lib/demo/sandbox-control';
import { log } from '@/lib/log';
import { advanceClockOffset } from '@/lib/runtime/store/clock-offset';
import { SWEEP_JOB_KEY, sweepDueRunsJob } from '@/lib/runtime/jobs/definitions/sweep-due-runs';

export const dynamic = 'force-dynamic';

const body = z.object({ by: isoDurationSchema });
const MAX_MS = 400 * 24 * 3600 * 1000;

export const POST = route(async (request) => {
  if (!env().isSandbox) throw new HttpError(404, 'Not found');
  const { by } = body.parse(await readJson(request));
  const ms = isoDurationToMilliseconds(parseIsoDuration(by)!);
  if (ms <= 0 || ms > MAX_MS) throw new HttpError(400, 'by must be a positive duration of at most 400 days');
  const db = appDb();
  const offsetMs = await db.$transaction(async (tx) => {
    const next = await advanceClockOffset(tx, ms);
    // The sweep job reads the new offset and enqueues every due wake-up in due order.
    await enqueue(tx, sweepDueRunsJob, { reason: `clock advanced by ${by}` }, { jobKey: SWEEP_JOB_KEY, priority: -10 });
    return next;
  });
  // The sandbox stamps Waymark's writes on the same clock. Best effort: the runtime's clock has
  // moved either way, and the next advance (or `npm run dev`'s bootstrap) sets it again.
  await syncSandboxClock(env().sandbox.url, offsetMs).catch((error: unknown) =>
    log.warn('could not move the sandbox clock with the runtime clock', { error: String(error) }),
  );
  return Response.json({ advancedBy: by, offsetMs, now: new Date(Date.now() + offsetMs).toISOString() });
});
