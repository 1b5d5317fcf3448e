// GET /api/clock: the runtime clock (sandbox mode: wall time plus the fast-forward offset).
import { appDb } from '@/lib/app-db';
import { env } from '@/lib/env';
import { route } from '@/lib/http/route';
import { readClockOffset } from '@/lib/runtime/store/clock-offset';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const offsetMs = env().isSandbox ? await readClockOffset(appDb()) : 0;
  return Response.json({ mode: env().mode, now: new Date(Date.now() + offsetMs).toISOString(), offsetMs });
});
