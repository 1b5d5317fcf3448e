/**
 * A fresh database for one test file, cloned from the migrated template in milliseconds.
 *
 *   const t = await createTestDatabase();   // in beforeAll
 *   t.db (Prisma), t.url, t.pool (pg) …
 *   await t.drop();                         // in afterAll
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import pg from 'pg';
import { createPrisma, type Db } from '../../lib/db/prisma';

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export async function createTestDatabase(options: { template?: string | null } = {}): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = options.template === undefined ? inject('pgTemplate') : options.template;
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createPrisma(url.toString(), { max: 20 });
  const pool = new pg.Pool({ connectionString: url.toString(), max: 20 });
  // DROP DATABASE … WITH (FORCE) terminates idle clients; that is expected, not a test failure.
  pool.on('error', () => {});
  return {
    name,
    url: url.toString(),
    db,
    pool,
    async drop() {
      await db.$disconnect();
      await pool.end();
      const cleanup = new pg.Client({ connectionString: adminUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
