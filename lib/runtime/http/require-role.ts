/**
 * The server-side role check every mutating control route makes. A token-scoped caller needs a
 * Waymark role of at least `needed` in the token's portal; the refusal names the role. The local
 * operator of sandbox mode (no token; requestActor refuses that outside sandbox mode) is admin.
 */
import type { Db } from '../../db/prisma';
import { HttpError } from '../../http/http-error';
import { ROLE_ABILITIES, roleAtLeast, type Role } from '../roles/role-rank';
import { findUserRole } from '../store/user-roles';
import type { RequestActor } from './request-actor';
import { webRuntime } from './web-runtime';

/** The caller's role in the portal (sandbox operator: admin; no row: null, read-only). */
export async function roleOf(who: RequestActor, portalId: bigint | string, db: Db = webRuntime().db): Promise<Role | null> {
  if (!who.scope) return 'admin';
  if (who.scope.portalId !== portalId.toString()) return null;
  return findUserRole(db, BigInt(portalId), who.scope.userId);
}

export async function requireRole(who: RequestActor, portalId: bigint | string, needed: Exclude<Role, 'viewer'>, db: Db = webRuntime().db): Promise<Role> {
  if (who.scope && who.scope.portalId !== portalId.toString()) throw new HttpError(403, 'This token is for another HubSpot account');
  const held = await roleOf(who, portalId, db);
  if (!roleAtLeast(held, needed)) {
    const yours = held ? `your role is ${held}` : 'you have no Waymark role yet (read-only)';
    throw new HttpError(403, `This needs the Waymark ${needed} role (${ROLE_ABILITIES[needed]}); ${yours}. Ask a Waymark admin in this portal to grant it.`, { neededRole: needed, role: held });
  }
  return held!;
}
