import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { enqueue } from '../../lib/queue/enqueue';
import { defineJob } from '../../lib/queue/job-definition';
import { handle, startWorker } from '../../lib/queue/worker';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const probe = defineJob('test-probe', z.object({ n: z.number().int() }));

describe('job queue', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.drop());

  const pendingJobs = async () =>
    (
      await t.pool.query(
        `SELECT j.key, j.payload FROM graphile_worker._private_jobs j
           JOIN graphile_worker._private_tasks t ON t.id = j.task_id
          WHERE t.identifier = 'test-probe' ORDER BY j.id`,
      )
    ).rows;

  it('adds a job in the caller transaction: rolled back with it, committed with it', async () => {
    await t.db
      .$transaction(async (tx) => {
        await enqueue(tx, probe, { n: 1 }, { jobKey: 'rollback-me' });
        throw new Error('abort');
      })
      .catch(() => {});
    expect(await pendingJobs()).toEqual([]);

    await t.db.$transaction(async (tx) => enqueue(tx, probe, { n: 2 }, { jobKey: 'keep-me' }));
    expect(await pendingJobs()).toEqual([{ key: 'keep-me', payload: { n: 2 } }]);
  });

  it('keeps one pending job per key', async () => {
    await Promise.all(Array.from({ length: 10 }, (_, i) => enqueue(t.db, probe, { n: i }, { jobKey: 'same-key' })));
    const same = (await pendingJobs()).filter((j) => j.key === 'same-key');
    expect(same).toHaveLength(1);
  });

  it('refuses a payload that does not match the job schema before it reaches the queue', async () => {
    await expect(enqueue(t.db, probe, { n: 'one' } as never, { jobKey: 'bad' })).rejects.toThrow();
    expect((await pendingJobs()).some((j) => j.key === 'bad')).toBe(false);
  });

  it('runs jobs with their parsed payload and drops invalid ones without retrying', async () => {
    const seen: number[] = [];
    await t.pool.query(`SELECT graphile_worker.add_job('test-probe', '{"n":"not a number"}'::json, job_key => 'invalid')`);
    const runner = await startWorker({
      connectionString: t.url,
      pollInterval: 50,
      handlers: [handle(probe, async ({ n }) => void seen.push(n))],
    });
    try {
      for (let i = 0; i < 100 && (await pendingJobs()).length > 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      await runner.stop();
    }
    // 'keep-me' (n = 2) and the one 'same-key' job ran; the invalid payload was dropped, not retried.
    expect(seen).toHaveLength(2);
    expect(seen).toContain(2);
    expect(await pendingJobs()).toEqual([]);
  });
});
