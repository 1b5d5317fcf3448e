/** Statements on `user_roles`: one Waymark role per (portal, HubSpot user). */
import type { Db } from '../../db/prisma';
import type { Role } from '../roles/role-rank';

export interface UserRoleRow {
  userId: string;
  role: Role;
  grantedBy: string;
  grantedAt: Date;
}

export async function findUserRole(db: Db, portalId: bigint, userId: string): Promise<Role | null> {
  const row = await db.userRole.findUnique({ where: { portalId_userId: { portalId, userId } }, select: { role: true } });
  return row?.role ?? null;
}

export function listUserRoles(db: Db, portalId: bigint): Promise<UserRoleRow[]> {
  return db.userRole.findMany({ where: { portalId }, orderBy: [{ role: 'desc' }, { userId: 'asc' }], select: { userId: true, role: true, grantedBy: true, grantedAt: true } });
}

export async function upsertUserRole(db: Db, portalId: bigint, userId: string, role: Role, grantedBy: string, now: Date): Promise<void> {
  await db.userRole.upsert({
    where: { portalId_userId: { portalId, userId } },
    create: { portalId, userId, role, grantedBy, grantedAt: now },
    update: { role, grantedBy, grantedAt: now },
  });
}

/** Inserts an admin only while the portal has none, in one statement (two installs racing make one first admin each at most). */
export async function insertFirstAdmin(db: Db, portalId: bigint, userId: string, now: Date): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO user_roles (portal_id, user_id, role, granted_by, granted_at)
    SELECT ${portalId}, ${userId}, 'admin'::"WaymarkRole", 'installation', ${now}
    WHERE NOT EXISTS (SELECT 1 FROM user_roles WHERE portal_id = ${portalId} AND role = 'admin')
    ON CONFLICT (portal_id, user_id) DO UPDATE SET role = 'admin', granted_by = 'installation', granted_at = EXCLUDED.granted_at`;
  return inserted > 0;
}

export async function deleteUserRole(db: Db, portalId: bigint, userId: string): Promise<boolean> {
  const { count } = await db.userRole.deleteMany({ where: { portalId, userId } });
  return count > 0;
}

export function countAdmins(db: Db, portalId: bigint): Promise<number> {
  return db.userRole.count({ where: { portalId, role: 'admin' } });
}
