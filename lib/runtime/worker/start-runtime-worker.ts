/**
 * The runtime's worker process: graphile-worker with the runtime's jobs, plus two timers that
 * carry no state of their own (all state is in Postgres):
 * - every `heartbeatMs`: refresh this process's heartbeat and release the jobs of dead ones
 *   (see heartbeat.ts);
 * - every `sweepMs`: enqueue wake-ups for runs whose stored due time has passed on the runtime
 *   clock (see store/sweep-due-runs.ts).
 */
import { randomBytes } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { run, type Runner, type WorkerEvents } from 'graphile-worker';
import type { Db } from '../../db/prisma';
import { log } from '../../log';
import { queueLogger } from '../../queue/queue-logger';
import { toTaskList, type JobHandler } from '../../queue/worker';
import type { RuntimeClock } from '../clock';
import { sweepDueRuns } from '../store/sweep-due-runs';
import { beat, DEFAULT_DEAD_AFTER_MS, reapDeadWorkers, removeHeartbeat } from '../store/worker-heartbeats';

export interface RuntimeWorkerOptions {
  connectionString: string;
  db: Db;
  clock: RuntimeClock;
  handlers: readonly JobHandler[];
  /** This process's id in `worker_heartbeats` (and in run leases). */
  processId: string;
  concurrency?: number;
  /** Jobs the pool locks per fetch (graphile-worker's local queue); 2 × concurrency by default. */
  localQueueSize?: number;
  pollInterval?: number;
  heartbeatMs?: number;
  deadAfterMs?: number;
  sweepMs?: number;
  /** graphile-worker crontab lines (recurring jobs, added once per tick across all workers). */
  crontab?: string;
}

export interface RuntimeWorker {
  runner: Runner;
  processId: string;
  stop(): Promise<void>;
}

/** A process id for leases and heartbeats: `<prefix>-<random>`. */
export function newProcessId(prefix = 'worker'): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

export async function startRuntimeWorker(options: RuntimeWorkerOptions): Promise<RuntimeWorker> {
  const { db, processId } = options;
  const concurrency = options.concurrency ?? 4;
  const workerIds = new Set<string>();
  const events: WorkerEvents = new EventEmitter() as WorkerEvents;
  const beatNow = () => beat(db, processId, [...workerIds]).catch((e) => log.warn('heartbeat failed', { error: String(e) }));
  // graphile-worker 0.17 locks jobs in the name of the worker *pool* (`locked_by` is the pool's
  // id, not the id of the worker running the job), so the pool id is what the heartbeat must
  // claim; the worker ids are kept too. Unclaimed, a live job older than the dead-after time
  // would be released and run a second time by the reaper.
  events.on('pool:create', ({ workerPool }) => {
    workerIds.add(workerPool.id);
    void beatNow();
  });
  events.on('worker:create', ({ worker }) => {
    workerIds.add(worker.workerId);
    void beatNow();
  });
  await beat(db, processId, []);

  const runner = await run({
    connectionString: options.connectionString,
    concurrency,
    pollInterval: options.pollInterval ?? 1000,
    noHandleSignals: true,
    logger: queueLogger(),
    events,
    taskList: toTaskList(options.handlers),
    ...(options.crontab ? { crontab: options.crontab } : {}),
    // Batching (measured with `npm run bench:runtime`: about +25% wake-ups/s): the pool locks
    // a few jobs per fetch and hands them to its workers, and completions of the same tick go
    // to Postgres as one statement. Both keep jobs locked a little longer; a job of a killed
    // process is released by the heartbeat reaper and runs again, which every job allows.
    preset: { worker: { localQueue: { size: options.localQueueSize ?? 2 * concurrency }, completeJobBatchDelay: 0 } },
  });

  let stopping = false;
  let stopped: Promise<void> | undefined;
  const heartbeat = setInterval(() => {
    if (stopping) return;
    void beatNow().then(() =>
      reapDeadWorkers(db, options.deadAfterMs ?? DEFAULT_DEAD_AFTER_MS).then(
        (reaped) => reaped.length > 0 && log.warn('released the jobs of dead workers', { reaped }),
        (e) => log.warn('reaping dead workers failed', { error: String(e) }),
      ),
    );
  }, options.heartbeatMs ?? 5000);

  let sweeping = false;
  let ticks = 0;
  const sweep = setInterval(() => {
    if (stopping || sweeping) return;
    sweeping = true;
    // Every 30th tick also looks for wake-ups whose job was lost (a slower scan).
    const includeLost = ticks++ % 30 === 0;
    void (async () => {
      await options.clock.sync();
      // Drain everything due now, a slice at a time, before the next tick.
      while (!stopping && (await sweepDueRuns(db, { now: options.clock.now(), includeLost })) > 0) {
        /* keep sweeping */
      }
    })()
      .catch((e) => log.warn('sweep failed', { error: String(e) }))
      .finally(() => {
        sweeping = false;
      });
  }, options.sweepMs ?? 1000);

  return {
    runner,
    processId,
    // Idempotent: graphile-worker's runner throws "Runner is already stopped" on a second stop,
    // and a process can be asked to stop twice (a signal from the terminal and one from a supervisor).
    stop() {
      stopped ??= (async () => {
        stopping = true;
        clearInterval(heartbeat);
        clearInterval(sweep);
        await runner.stop();
        await removeHeartbeat(db, processId).catch(() => {});
      })();
      return stopped;
    },
  };
}
