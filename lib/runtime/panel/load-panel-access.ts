/**
 * What the HubSpot user who opened the panel may do here: their Waymark role in the portal, and
 * (for admins only) the portal's role list for the roles section. The API routes check the role
 * again server-side; this only decides which controls the page offers.
 */
import type { Db } from '../../db/prisma';
import { roleAtLeast, type Role } from '../roles/role-rank';
import { findUserRole, listUserRoles } from '../store/user-roles';

export interface PanelAccess {
  role: Role | null;
  canAct: boolean;
  isAdmin: boolean;
  roles: { userId: string; role: Role; grantedBy: string }[];
}

export async function loadPanelAccess(db: Db, input: { portalId: bigint; userId: string }): Promise<PanelAccess> {
  const role = await findUserRole(db, input.portalId, input.userId);
  const isAdmin = roleAtLeast(role, 'admin');
  const roles = isAdmin ? (await listUserRoles(db, input.portalId)).map((r) => ({ userId: r.userId, role: r.role, grantedBy: r.grantedBy })) : [];
  return { role, canAct: roleAtLeast(role, 'editor'), isAdmin, roles };
}
