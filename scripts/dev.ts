// npm run dev: database (embedded unless DATABASE_URL), migrations, then web + worker + sandbox.
// Ctrl-C stops them in order, the database last (lib/process/supervisor.ts).
import { env } from '../lib/env';
import { migrate } from '../lib/db/migrator';
import { createSupervisor } from '../lib/process/supervisor';
import { startDatabaseService } from '../lib/process/database-service';
import { bootstrapDemo } from '../lib/demo/bootstrap-demo';
import { backgroundServices, webService } from './app-services';

const config = env();
const say = (line: string) => console.log(`[waymark] ${line}`);
const supervisor = createSupervisor((line) => console.log(`[supervisor] ${line}`));
const databaseUrl = await startDatabaseService(supervisor, config, say);
await migrate(databaseUrl, { log: say });
say(`mode ${config.mode}; app on ${config.appUrl}`);

supervisor.start(webService('dev', config, databaseUrl));
for (const service of backgroundServices(config, databaseUrl)) supervisor.start(service);

// Sandbox mode: once everything answers, the demo portal is installed and the example contracts
// are live (lib/demo/bootstrap-demo.ts). A failure is reported, never fatal: the app still runs;
// one caused by stopping while it runs is not a failure.
if (config.isSandbox) {
  const demo = (line: string) => console.log(`[demo] ${line}`);
  bootstrapDemo({ config, databaseUrl, say: demo }).catch((error: unknown) => {
    if (supervisor.stopping) return demo('bootstrap interrupted by the stop');
    console.error(`[demo] bootstrap failed: ${error instanceof Error ? error.message : String(error)}`);
  });
}
