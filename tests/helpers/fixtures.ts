/** Small builders for rows that many integration tests need. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db/prisma';

export const PORTAL = 62515n;

export async function seedContract(db: Db, key = `contract-${randomUUID().slice(0, 8)}`, portalId = PORTAL) {
  const contract = await db.contract.create({
    data: { portalId, key, name: key, objectType: 'contact', status: 'live', draft: {} },
  });
  const version = await db.contractVersion.create({
    data: { contractId: contract.id, portalId, version: 1, definition: {}, contentHash: 'x' },
  });
  return { contract, version };
}
