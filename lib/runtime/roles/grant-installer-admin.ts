/** The user who installs Waymark becomes the portal's first admin (a reinstall keeps existing admins). */
import type { Db } from '../../db/prisma';
import { log } from '../../log';
import { insertFirstAdmin } from '../store/user-roles';

export async function grantInstallerAdmin(db: Db, installed: { portalId: bigint; userId?: bigint | null }, now: Date): Promise<void> {
  if (installed.userId == null) {
    log.warn('installation names no installing user; no first admin granted', { portalId: installed.portalId.toString() });
    return;
  }
  const granted = await insertFirstAdmin(db, installed.portalId, installed.userId.toString(), now);
  if (granted) log.info('installing user is the first Waymark admin', { portalId: installed.portalId.toString(), userId: installed.userId.toString() });
}
