/**
 * A throwaway database on a Postgres cluster: created empty or cloned from a template, with a
 * Prisma client and a pg pool on it, and dropped with `drop()`. Free of Vitest, so the
 * benchmarks use it as well as the tests (through createTestDatabase).
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createPrisma, type Db } from '../../lib/db/prisma';

export interface ScratchDatabase {
  name: string;
  url: string;
  db: Db;
  pool: pg.Pool;
  drop(): Promise<void>;
}

export interface ScratchDatabaseOptions {
  /** Database to clone (a migrated template clones in milliseconds); null for an empty one. */
  template: string | null;
  /** Connection limits of the Prisma client and of the pg pool. */
  prismaMax?: number;
  poolMax?: number;
}

export async function createScratchDatabase(adminUrl: string, options: ScratchDatabaseOptions): Promise<ScratchDatabase> {
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(options.template ? `CREATE DATABASE ${name} TEMPLATE ${options.template}` : `CREATE DATABASE ${name}`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const db = createPrisma(url.toString(), { max: options.prismaMax ?? 20 });
  const pool = new pg.Pool({ connectionString: url.toString(), max: options.poolMax ?? 20 });
  // DROP DATABASE … WITH (FORCE) terminates idle clients; that is expected, not a failure.
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
