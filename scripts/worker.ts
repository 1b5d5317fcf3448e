// The job queue worker process (started by `npm run dev` and `npm start`).
import { env } from '../lib/env';
import { startWorker } from '../lib/queue/worker';
import { jobHandlers } from '../lib/runtime/jobs';

const config = env();
if (!config.databaseUrl) {
  console.error('DATABASE_URL is not set: run the worker through `npm run dev` or `npm start`, or set it.');
  process.exit(1);
}
const runner = await startWorker({
  connectionString: config.databaseUrl,
  concurrency: config.workerConcurrency,
  handlers: jobHandlers({ connectionString: config.databaseUrl }),
});
console.log(`worker started (concurrency ${config.workerConcurrency})`);

const stop = async () => {
  await runner.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
await runner.promise;
