// The job queue worker process (started by `npm run dev` and `npm start`): the runtime's jobs,
// heartbeats for crash recovery and the due-time sweeper (lib/runtime/worker/start-runtime-worker.ts).
import { env } from '../lib/env';
import { createRuntimeDeps } from '../lib/runtime/create-runtime-deps';
import { auditCoreBinding } from '../lib/runtime/audit/audit-core-binding';
import { JOB_CRONTAB, jobHandlers } from '../lib/runtime/jobs';
import { newProcessId, startRuntimeWorker } from '../lib/runtime/worker/start-runtime-worker';

const config = env();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set: run the worker through `npm run dev` or `npm start`, or set it.');
  process.exit(1);
}
const deps = createRuntimeDeps(config, config.databaseUrl, newProcessId());
const worker = await startRuntimeWorker({
  connectionString: config.databaseUrl,
  db: deps.db,
  clock: deps.clock,
  processId: deps.processId,
  concurrency: config.workerConcurrency,
  handlers: jobHandlers(deps, { audit: auditCoreBinding({ waymarkActions: config.hubspot.workflowActionIds }) }),
  crontab: JOB_CRONTAB,
});
console.log(`worker ${deps.processId} started (concurrency ${config.workerConcurrency})`);

// SIGTERM (from the supervisor) or SIGINT (a terminal running this script alone): finish or
// release the running jobs, then exit. A second signal during the stop changes nothing.
const stop = async () => {
  await worker.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await worker.runner.promise;
