// GET /api/roles?portalId=: the portal's Waymark roles and the caller's own. POST { userId, role }: an admin grants a role (role null: back to read-only).
import { z } from 'zod';
import { int64Id } from '@/lib/schema/int64-id';
import { HttpError } from '@/lib/http/http-error';
import { readJson, route } from '@/lib/http/route';
import { portalOf } from '@/lib/runtime/http/portal-param';
import { requireRole, roleOf } from '@/lib/runtime/http/require-role';
import { requestActor } from '@/lib/runtime/http/request-actor';
import { webRuntime } from '@/lib/runtime/http/web-runtime';
import { grantRole, revokeRole } from '@/lib/runtime/roles/grant-role';
import { ROLES } from '@/lib/runtime/roles/role-rank';
import { listUserRoles } from '@/lib/runtime/store/user-roles';

export const dynamic = 'force-dynamic';

export const GET = route(async (request) => {
  const who = requestActor(request);
  const portalId = portalOf(who, new URL(request.url).searchParams.get('portalId'));
  const { db } = webRuntime();
  const roles = await listUserRoles(db, portalId);
  return Response.json({ you: { userId: who.scope?.userId ?? null, role: await roleOf(who, portalId, db) }, roles });
});

const body = z.object({
  portalId: z.string().optional(),
  userId: int64Id(),
  role: z.enum(ROLES).nullable(),
});

export const POST = route(async (request) => {
  const who = requestActor(request);
  const input = body.parse(await readJson(request));
  const portalId = portalOf(who, input.portalId);
  const deps = webRuntime();
  await requireRole(who, portalId, 'admin', deps.db);
  const change = input.role === null
    ? await revokeRole(deps.db, { portalId, userId: input.userId })
    : await grantRole(deps.db, { portalId, userId: input.userId, role: input.role, grantedBy: who.actor, now: deps.clock.now() });
  if (!change.ok) throw new HttpError(409, change.reason);
  return Response.json(change);
});
