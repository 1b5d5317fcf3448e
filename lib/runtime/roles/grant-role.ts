/**
 * An admin sets a HubSpot user's Waymark role, or removes it (back to read-only). A portal never
 * loses its last admin this way, so someone can always grant roles.
 */
import type { Db } from '../../db/prisma';
import { countAdmins, deleteUserRole, findUserRole, upsertUserRole } from '../store/user-roles';
import type { Role } from './role-rank';

export type RoleChange = { ok: true; userId: string; role: Role | null } | { ok: false; reason: string };

export async function grantRole(db: Db, input: { portalId: bigint; userId: string; role: Role; grantedBy: string; now: Date }): Promise<RoleChange> {
  const current = await findUserRole(db, input.portalId, input.userId);
  if (current === 'admin' && input.role !== 'admin' && (await countAdmins(db, input.portalId)) <= 1) {
    return { ok: false, reason: `User ${input.userId} is the only Waymark admin in this portal; make someone else admin first` };
  }
  await upsertUserRole(db, input.portalId, input.userId, input.role, input.grantedBy, input.now);
  return { ok: true, userId: input.userId, role: input.role };
}

export async function revokeRole(db: Db, input: { portalId: bigint; userId: string }): Promise<RoleChange> {
  const current = await findUserRole(db, input.portalId, input.userId);
  if (current === 'admin' && (await countAdmins(db, input.portalId)) <= 1) {
    return { ok: false, reason: `User ${input.userId} is the only Waymark admin in this portal; make someone else admin first` };
  }
  await deleteUserRole(db, input.portalId, input.userId);
  return { ok: true, userId: input.userId, role: null };
}
