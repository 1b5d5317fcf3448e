/**
 * The project's own migrator. `prisma migrate` needs a native engine that cannot be installed
 * here, so we apply `prisma/migrations/<ts>_<name>/migration.sql` ourselves, keeping Prisma's
 * `_prisma_migrations` bookkeeping (same columns, sha256 checksums) so `prisma migrate deploy`
 * agrees on a normal machine.
 *
 * Concurrency: the whole run holds a session advisory lock, so two processes starting together
 * apply each migration once; the second waits, then finds nothing pending. Each migration runs
 * in its own transaction together with its bookkeeping row, so a failure leaves no half-applied
 * migration behind.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { runMigrations as runQueueMigrations } from 'graphile-worker';
import { queueLogger } from '../queue/queue-logger';

/** Arbitrary constant shared by every Waymark process: "waymark" in ASCII. */
const MIGRATION_LOCK_KEY = 0x7761796d61726b;

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
}

export const DEFAULT_MIGRATIONS_DIR = join(process.cwd(), 'prisma', 'migrations');

export async function readMigrations(dir = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await readdir(/*turbopackIgnore: true*/ dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && /^\d{14}_[a-z0-9_]+$/.test(e.name))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(/*turbopackIgnore: true*/ join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

const BOOKKEEPING = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Applies every pending migration, then the job queue's own schema. Returns what it applied. */
export async function migrate(
  connectionString: string,
  options: { dir?: string; log?: (line: string) => void } = {},
): Promise<string[]> {
  const log = options.log ?? (() => {});
  const files = await readMigrations(options.dir);
  const client = new pg.Client({ connectionString });
  await client.connect();
  const applied: string[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(BOOKKEEPING);
    const done = await appliedRows(client);
    for (const file of files) {
      const row = done.get(file.name);
      if (row) {
        if (row.checksum !== file.checksum) {
          throw new Error(`Migration ${file.name} was edited after it was applied (checksum differs). Add a new migration instead.`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), file.checksum, file.name],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${file.name} failed: ${(error as Error).message}`);
      }
      applied.push(file.name);
      log(`applied ${file.name}`);
    }
    // graphile-worker keeps its own schema (graphile_worker.*) and takes its own lock.
    await runQueueMigrations({ connectionString, logger: queueLogger() });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    await client.end();
  }
  return applied;
}

/** Which migrations the database has and which are still to apply (for /api/health). */
export async function migrationStatus(
  query: (sql: string) => Promise<{ migration_name: string }[]>,
  dir?: string,
): Promise<MigrationStatus> {
  const files = await readMigrations(dir);
  const rows = await query(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  ).catch(() => []);
  const have = new Set(rows.map((r) => r.migration_name));
  return {
    applied: files.filter((f) => have.has(f.name)).map((f) => f.name),
    pending: files.filter((f) => !have.has(f.name)).map((f) => f.name),
  };
}

async function appliedRows(client: pg.Client) {
  const result = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
    `SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`,
  );
  const failed = result.rows.find((r) => r.finished_at === null);
  if (failed) throw new Error(`Migration ${failed.migration_name} is marked as failed; resolve it before migrating.`);
  return new Map(result.rows.map((r) => [r.migration_name, r]));
}
