/**
 * Starts the graphile-worker runner with our explicit task registry. Each registered handler
 * receives its payload parsed by the job's schema; a payload that fails the schema is logged and
 * dropped (retrying cannot fix it), never retried forever.
 */
import { run, type Runner, type Task, type TaskList } from 'graphile-worker';
import type { z } from 'zod';
import type { JobDefinition } from './job-definition';
import { queueLogger } from './queue-logger';

export interface JobHandler<S extends z.ZodType = z.ZodType> {
  job: JobDefinition<S>;
  run(payload: z.output<S>, context: { attempts: number; maxAttempts: number; jobKey: string | null }): Promise<void>;
}

/** Helper that ties a handler to its definition with full payload typing. */
export function handle<S extends z.ZodType>(
  job: JobDefinition<S>,
  runFn: JobHandler<S>['run'],
): JobHandler<S> {
  return { job, run: runFn };
}

export function toTaskList(handlers: readonly JobHandler[]): TaskList {
  const list: TaskList = {};
  for (const handler of handlers) {
    const task: Task = async (raw, helpers) => {
      const parsed = handler.job.schema.safeParse(raw);
      if (!parsed.success) {
        helpers.logger.error(`dropping ${handler.job.name} job ${helpers.job.id}: invalid payload: ${parsed.error.message}`);
        return;
      }
      await handler.run(parsed.data, {
        attempts: helpers.job.attempts,
        maxAttempts: helpers.job.max_attempts,
        jobKey: helpers.job.key,
      });
    };
    list[handler.job.name] = task;
  }
  return list;
}

export interface WorkerOptions {
  connectionString: string;
  handlers: readonly JobHandler[];
  concurrency?: number;
  /** Poll interval when LISTEN/NOTIFY is quiet (ms). */
  pollInterval?: number;
}

export function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.connectionString,
    concurrency: options.concurrency ?? 4,
    pollInterval: options.pollInterval ?? 1000,
    noHandleSignals: true,
    logger: queueLogger(),
    taskList: toTaskList(options.handlers),
  });
}
