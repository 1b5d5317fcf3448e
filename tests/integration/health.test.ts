import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../lib/db/prisma';
import { checkHealth } from '../../lib/health/check-health';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

describe('checkHealth', () => {
  let migrated: TestDatabase;
  let empty: TestDatabase;
  beforeAll(async () => {
    [migrated, empty] = await Promise.all([createTestDatabase(), createTestDatabase({ template: null })]);
  });
  afterAll(async () => Promise.all([migrated.drop(), empty.drop()]));

  it('is ok on a migrated database', async () => {
    const report = await checkHealth(migrated.db, 'sandbox');
    expect(report).toMatchObject({ status: 'ok', database: { ok: true }, migrations: { ok: true, pending: [] }, queue: { ok: true, pending: 0 } });
    expect(report.migrations.applied).toBeGreaterThan(0);
  });

  it('is degraded, naming what is missing, on a database that was never migrated', async () => {
    const report = await checkHealth(empty.db, 'sandbox');
    expect(report.status).toBe('degraded');
    expect(report.database.ok).toBe(true);
    expect(report.migrations.ok).toBe(false);
    expect(report.migrations.pending.length).toBeGreaterThan(0);
    expect(report.queue.ok).toBe(false);
  });

  it('is degraded when the database is unreachable', async () => {
    const unreachable = createPrisma('postgresql://nobody:nothing@127.0.0.1:1/none');
    const report = await checkHealth(unreachable, 'sandbox');
    expect(report.status).toBe('degraded');
    expect(report.database.ok).toBe(false);
    await unreachable.$disconnect();
  });
});
