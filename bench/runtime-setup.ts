/**
 * Benchmark set-up for the runtime: a throwaway database (embedded Postgres, or the server in
 * BENCH_DATABASE_ADMIN_URL), the runtime with an in-memory CRM port (the benchmark measures
 * Waymark, not HubSpot), and bulk seeding helpers.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from '../lib/db/embedded-postgres';
import { migrate } from '../lib/db/migrator';
import { createPrisma, type Db } from '../lib/db/prisma';
import { dbOffsetClock } from '../lib/runtime/clock';
import { engine } from '../lib/runtime/run/engine';
import type { RuntimeDeps } from '../lib/runtime/runtime-deps';
import { memoryCrm } from '../tests/integration/runtime/helpers/memory-crm';
import { freePort } from '../tests/helpers/free-port';

export interface BenchDatabase {
  url: string;
  db: Db;
  pool: pg.Pool;
  stop(): Promise<void>;
}

/** A Postgres cluster for the benchmark; each phase gets its own fresh database on it. */
export interface BenchCluster {
  database(): Promise<BenchDatabase>;
  stop(): Promise<void>;
}

export async function benchCluster(): Promise<BenchCluster> {
  let adminUrl = process.env.BENCH_DATABASE_ADMIN_URL;
  let stopServer = async () => {};
  let dir: string | undefined;
  if (!adminUrl) {
    dir = await mkdtemp(join(tmpdir(), 'waymark-bench-pg-'));
    const server = await startEmbeddedPostgres({ dir: join(dir, 'data'), port: await freePort(), persistent: false });
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }
  const admin = adminUrl;
  let counter = 0;
  return {
    async database() {
      const name = `bench_${Date.now()}_${counter++}`;
      const client = new pg.Client({ connectionString: admin });
      await client.connect();
      await client.query(`CREATE DATABASE ${name}`);
      await client.end();
      const url = new URL(admin);
      url.pathname = `/${name}`;
      await migrate(url.toString());
      const db = createPrisma(url.toString(), { max: 24 });
      const pool = new pg.Pool({ connectionString: url.toString(), max: 16 });
      pool.on('error', () => {});
      return {
        url: url.toString(),
        db,
        pool,
        async stop() {
          await db.$disconnect();
          await pool.end();
          const cleanup = new pg.Client({ connectionString: admin });
          await cleanup.connect();
          await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await cleanup.end();
        },
      };
    },
    async stop() {
      await stopServer();
      if (dir) await rm(dir, { recursive: true, force: true });
    },
  };
}

export function benchRuntime(bench: BenchDatabase): RuntimeDeps {
  return { db: bench.db, sql: bench.pool, clock: dbOffsetClock(bench.db), crm: memoryCrm(), engine, processId: `bench-${process.pid}` };
}

/** Waits until no runnable or running job is left. */
export async function waitForQueue(pool: pg.Pool): Promise<void> {
  for (;;) {
    // EXISTS stops at the first job found: polling must not cost the worker a scan of the queue.
    const { rowCount } = await pool.query(
      `SELECT 1 FROM graphile_worker.jobs WHERE (run_at <= now() AND attempts < max_attempts) OR locked_at IS NOT NULL LIMIT 1`,
    );
    if (rowCount === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Percentile of a sorted list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
