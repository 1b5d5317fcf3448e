import { cp, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../lib/db/migrator';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('migrator', () => {
  let empty: TestDatabase;
  beforeAll(async () => {
    empty = await createTestDatabase({ template: null });
  });
  afterAll(async () => empty.drop());

  it('applies every migration once even when two processes start together', async () => {
    const files = await readMigrations();
    const [a, b] = await Promise.all([migrate(empty.url), migrate(empty.url)]);
    expect([...a, ...b].sort()).toEqual(files.map((f) => f.name).sort());
    const rows = await empty.pool.query('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations"');
    expect(rows.rowCount).toBe(files.length);
    for (const row of rows.rows) {
      expect(row.finished_at).not.toBeNull();
      expect(row.checksum).toBe(files.find((f) => f.name === row.migration_name)?.checksum);
    }
    expect(await migrate(empty.url)).toEqual([]);
    const queue = await empty.pool.query(`SELECT to_regclass('graphile_worker.jobs') AS jobs`);
    expect(queue.rows[0].jobs).not.toBeNull();
  });

  it('refuses to run when an applied migration was edited', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waymark-migrations-'));
    await cp('prisma/migrations', dir, { recursive: true });
    const [first] = await readMigrations(dir);
    await writeFile(join(dir, first!.name, 'migration.sql'), first!.sql + '\n-- edited\n');
    await expect(migrate(empty.url, { dir })).rejects.toThrow(/was edited after it was applied/);
  });

  it('rolls a failing migration back completely', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'waymark-migrations-'));
    await cp('prisma/migrations', dir, { recursive: true });
    const bad = join(dir, '29991231000000_broken');
    await cp(join(dir, (await readMigrations(dir))[0]!.name), bad, { recursive: true });
    await writeFile(join(bad, 'migration.sql'), 'CREATE TABLE half_done (id int);\nSELECT no_such_function();\n');
    await expect(migrate(empty.url, { dir })).rejects.toThrow(/29991231000000_broken failed/);
    const table = await empty.pool.query(`SELECT to_regclass('half_done') AS t`);
    expect(table.rows[0].t).toBeNull();
    const row = await empty.pool.query(`SELECT 1 FROM "_prisma_migrations" WHERE migration_name = '29991231000000_broken'`);
    expect(row.rowCount).toBe(0);
  });
});
