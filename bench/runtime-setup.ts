/**
 * Benchmark set-up for the runtime: a throwaway database (embedded Postgres, or the server in
 * BENCH_DATABASE_ADMIN_URL), the runtime with an in-memory CRM port (the benchmark measures
 * Waymark, not HubSpot), and bulk seeding helpers.
 */
import pg from 'pg';
import { migrate } from '../lib/db/migrator';
import { dbOffsetClock } from '../lib/runtime/clock';
import { engine } from '../lib/runtime/run/engine';
import type { RuntimeDeps } from '../lib/runtime/runtime-deps';
import { memoryCrm } from '../tests/integration/runtime/helpers/memory-crm';
import { startScratchCluster } from '../tests/helpers/scratch-cluster';
import { createScratchDatabase, type ScratchDatabase } from '../tests/helpers/scratch-database';

export type BenchDatabase = ScratchDatabase;

/** A Postgres cluster for the benchmark; each phase gets its own fresh database on it. */
export interface BenchCluster {
  database(): Promise<BenchDatabase>;
  stop(): Promise<void>;
}

export async function benchCluster(): Promise<BenchCluster> {
  const cluster = await startScratchCluster(process.env.BENCH_DATABASE_ADMIN_URL, 'bench');
  return {
    async database() {
      const bench = await createScratchDatabase(cluster.adminUrl, { template: null, prismaMax: 24, poolMax: 16 });
      await migrate(bench.url);
      return bench;
    },
    stop: cluster.stop,
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
