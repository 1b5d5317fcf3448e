// npm start: production build, then web + worker (+ sandbox in sandbox mode).
import { spawnSync } from 'node:child_process';
import { env } from '../lib/env';
import { resolveDatabase } from '../lib/db/database-url';
import { migrate } from '../lib/db/migrator';
import { supervise } from '../lib/process/supervisor';
import { backgroundServices } from './app-services';

const config = env();
const say = (line: string) => console.log(`[waymark] ${line}`);
const build = spawnSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
  stdio: 'inherit',
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const database = await resolveDatabase(config, say);
await migrate(database.url, { log: say });
say(`mode ${config.mode}; app on ${config.appUrl}`);
supervise(
  [
    {
      name: 'web',
      command: process.execPath,
      args: ['node_modules/next/dist/bin/next', 'start', '--port', String(config.port)],
      env: { DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    },
    ...backgroundServices(config, database.url),
  ],
  async () => {
    await database.embedded?.stop();
  },
);
