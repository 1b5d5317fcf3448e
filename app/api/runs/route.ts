// GET /api/runs?portalId=&objectType=&recordId=: a record's runs with their decisions. POST { contractKey, objectType, recordId }: start a manual-trigger contract for the record.
import { z } from 'zod';
import { int64Id } from '@/lib/schema/int64-id';
import { safeString } from '@/lib/schema/safe-string';
import { HttpError } from '@/lib/http/http-error';
import { crmObjectTypeSchema as objectType } from '@/lib/hubspot/object-types';
import { readJson, route } from '@/lib/http/route';
import { readRecordRuns } from '@/lib/runtime/control/read-record-runs';
import { startManualRun } from '@/lib/runtime/control/start-manual-run';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requireRole } from '@/lib/runtime/http/require-role';
import { assertScope, requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';

export const dynamic = 'force-dynamic';

const recordId = int64Id();
const recordQuery = z.object({ objectType, recordId });

export const GET = route(async (request) => {
  const who = requestActor(request);
  const params = new URL(request.url).searchParams;
  const portalId = portalOf(who, params.get('portalId'));
  // One object schema, so a refused value is a 400 naming its parameter.
  const record = recordQuery.parse({ objectType: params.get('objectType') ?? who.scope?.objectType, recordId: params.get('recordId') ?? who.scope?.recordId });
  assertScope(who, portalId.toString(), record);
  return Response.json(await readRecordRuns(webRuntime().db, portalId, record));
});

const startBody = z.object({ portalId: z.string().optional(), contractKey: safeString(z.string().min(1).max(200)), objectType, recordId });

export const POST = route(async (request) => {
  const who = requestActor(request);
  const input = startBody.parse(await readJson(request));
  const portalId = portalOf(who, input.portalId);
  assertScope(who, portalId.toString(), input);
  const deps = webRuntime();
  await requireRole(who, portalId, 'editor', deps.db);
  const outcome = await startManualRun(deps, { portalId, contractKey: input.contractKey, objectType: input.objectType, recordId: input.recordId, actor: who.actor });
  if ('notFound' in outcome) throw new HttpError(404, outcome.reason);
  return Response.json(outcome, { status: outcome.enrolled ? 201 : 409 });
});
