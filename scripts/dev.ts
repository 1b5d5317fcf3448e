// npm run dev: database (embedded unless DATABASE_URL), migrations, then web + worker + sandbox.
import { env } from '../lib/env';
import { resolveDatabase } from '../lib/db/database-url';
import { migrate } from '../lib/db/migrator';
import { supervise } from '../lib/process/supervisor';
import { backgroundServices } from './app-services';

const config = env();
const say = (line: string) => console.log(`[waymark] ${line}`);
const database = await resolveDatabase(config, say);
await migrate(database.url, { log: say });
say(`mode ${config.mode}; app on ${config.appUrl}`);

supervise(
  [
    {
      name: 'web',
      command: process.execPath,
      args: ['node_modules/next/dist/bin/next', 'dev', '--port', String(config.port)],
      env: { DATABASE_URL: database.url, NEXT_TELEMETRY_DISABLED: '1' },
    },
    ...backgroundServices(config, database.url),
  ],
  async () => {
    await database.embedded?.stop();
  },
);
