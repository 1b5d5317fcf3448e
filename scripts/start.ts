// npm start: production build, then database, migrations, web + worker (+ sandbox in sandbox mode).
// SIGTERM or Ctrl-C stops them in order, the database last (lib/process/supervisor.ts).
import { spawnSync } from 'node:child_process';
import { env } from '../lib/env';
import { migrate } from '../lib/db/migrator';
import { createSupervisor } from '../lib/process/supervisor';
import { startDatabaseService } from '../lib/process/database-service';
import { backgroundServices, webService } from './app-services';

const config = env();
const say = (line: string) => console.log(`[waymark] ${line}`);
const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const supervisor = createSupervisor((line) => console.log(`[supervisor] ${line}`));
const databaseUrl = await startDatabaseService(supervisor, config, say);
await migrate(databaseUrl, { log: say });
say(`mode ${config.mode}; app on ${config.appUrl}`);
supervisor.start(webService('start', config, databaseUrl));
for (const service of backgroundServices(config, databaseUrl)) supervisor.start(service);
