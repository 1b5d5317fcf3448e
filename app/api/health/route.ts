// GET /api/health: database, migrations and queue status as JSON (200 when all ok, else 503).
import { appDb } from '@/lib/app-db';
import { env } from '@/lib/env';
import { checkHealth } from '@/lib/health/check-health';
import { route } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

export const GET = route(async () => {
  const report = await checkHealth(appDb(), env().mode);
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503 });
});
