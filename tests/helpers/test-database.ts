/**
 * A fresh database for one test file, cloned from the migrated template in milliseconds.
 *
 *   const t = await createTestDatabase();   // in beforeAll
 *   t.db (Prisma), t.url, t.pool (pg) …
 *   await t.drop();                         // in afterAll
 */
import { inject } from 'vitest';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

export type TestDatabase = ScratchDatabase;

export async function createTestDatabase(options: { template?: string | null } = {}): Promise<TestDatabase> {
  const template = options.template === undefined ? inject('pgTemplate') : options.template;
  return createScratchDatabase(inject('pgAdminUrl'), { template });
}
