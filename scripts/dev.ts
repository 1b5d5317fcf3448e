// npm run dev: database (embedded unless DATABASE_URL), migrations, then web + worker + sandbox.
import { env } from '../lib/env';
import { resolveDatabase } from '../lib/db/database-url';
import { migrate } from '../lib/db/migrator';
import { supervise } from '../lib/process/supervisor';
import { bootstrapDemo } from '../lib/demo/bootstrap-demo';
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

// Sandbox mode: once everything answers, the demo portal is installed and the example contracts
// are live (lib/demo/bootstrap-demo.ts). A failure is reported, never fatal: the app still runs.
if (config.isSandbox) {
  const demo = (line: string) => console.log(`[demo] ${line}`);
  bootstrapDemo({ config, databaseUrl: database.url, say: demo }).catch((error: unknown) =>
    console.error(`[demo] bootstrap failed: ${error instanceof Error ? error.message : String(error)}`),
  );
}
