/**
 * The health report behind GET /api/health: database reachable, migrations current, queue
 * schema present and its backlog. Each part is checked independently so one failure does not
 * hide the state of the others.
 */
import type { Db } from '../db/prisma';
import { migrationStatus } from '../db/migrator';

export interface HealthReport {
  status: 'ok' | 'degraded';
  mode: string;
  database: { ok: boolean; latencyMs?: number; error?: string };
  migrations: { ok: boolean; applied: number; pending: string[]; latest?: string };
  queue: { ok: boolean; pending?: number; locked?: number; failed?: number; error?: string };
}

export async function checkHealth(db: Db, mode: string): Promise<HealthReport> {
  const started = performance.now();
  const database = await db.$queryRawUnsafe('SELECT 1').then(
    () => ({ ok: true, latencyMs: Math.round(performance.now() - started) }),
    (e: Error) => ({ ok: false, error: e.message.split('\n')[0] }),
  );

  const status = await migrationStatus((sql) => db.$queryRawUnsafe(sql));
  const migrations = {
    ok: database.ok && status.pending.length === 0,
    applied: status.applied.length,
    pending: status.pending,
    latest: status.applied.at(-1),
  };

  const queue = await db
    .$queryRawUnsafe<{ pending: bigint; locked: bigint; failed: bigint }[]>(
      `SELECT count(*) FILTER (WHERE locked_at IS NULL AND attempts < max_attempts) AS pending,
              count(*) FILTER (WHERE locked_at IS NOT NULL) AS locked,
              count(*) FILTER (WHERE attempts >= max_attempts) AS failed
         FROM graphile_worker.jobs`,
    )
    .then(
      ([row]) => ({
        ok: true,
        pending: Number(row?.pending ?? 0),
        locked: Number(row?.locked ?? 0),
        failed: Number(row?.failed ?? 0),
      }),
      (e: Error) => ({ ok: false, error: e.message.split('\n')[0] }),
    );

  const ok = database.ok && migrations.ok && queue.ok;
  return { status: ok ? 'ok' : 'degraded', mode, database, migrations, queue };
}
