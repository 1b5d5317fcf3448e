/**
 * Enqueue through graphile-worker's SQL API, so a job can be added in the same transaction as
 * the rows it is about (e.g. a webhook batch and its processing job commit together or not at
 * all). Every job has a key: enqueueing the same key again replaces the pending job instead of
 * adding a second one (`unsafe_dedupe` keeps the first when that is what we want).
 */
import type { z } from 'zod';
import type { JobDefinition } from './job-definition';

/** Anything that can run one parameterised statement: a Prisma client or transaction. */
export interface SqlExecutor {
  $executeRawUnsafe(sql: string, ...params: unknown[]): Promise<number>;
}

export interface EnqueueOptions {
  /** Required: identifies the job for de-duplication. */
  jobKey: string;
  runAt?: Date;
  maxAttempts?: number;
  /** Jobs in one named queue run one at a time, in order. */
  queueName?: string;
  priority?: number;
  /** `replace` (default) updates a pending job; `unsafe_dedupe` keeps the existing one. */
  mode?: 'replace' | 'preserve_run_at' | 'unsafe_dedupe';
}

export async function enqueue<S extends z.ZodType>(
  db: SqlExecutor,
  job: JobDefinition<S>,
  payload: z.input<S>,
  options: EnqueueOptions,
): Promise<void> {
  const parsed = job.schema.parse(payload);
  await db.$executeRawUnsafe(
    `SELECT graphile_worker.add_job($1::text, $2::json, queue_name => $3::text, run_at => $4::timestamptz,
       max_attempts => $5::int, job_key => $6::text, priority => $7::int, job_key_mode => $8::text)`,
    job.name,
    JSON.stringify(parsed),
    options.queueName ?? null,
    options.runAt ?? null,
    options.maxAttempts ?? null,
    options.jobKey,
    options.priority ?? null,
    options.mode ?? 'replace',
  );
}
