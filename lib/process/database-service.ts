/**
 * The database `npm run dev` and `npm start` use: `DATABASE_URL` when set, otherwise (sandbox
 * mode) embedded PostgreSQL with its data under `.data/`, run as the supervisor's `database`
 * service (scripts/database.ts) so it is stopped after everything that uses it.
 */
import type { Env } from '../env';
import { embeddedDatabaseUrl } from '../db/embedded-database-url';
import type { Supervisor } from './supervisor';

export async function startDatabaseService(supervisor: Supervisor, config: Env, say: (line: string) => void): Promise<string> {
  if (config.databaseUrl) return config.databaseUrl;
  if (!config.isSandbox) throw new Error('DATABASE_URL is required in connected mode');
  say(`starting embedded PostgreSQL in ${config.embeddedPg.dir} on port ${config.embeddedPg.port}`);
  const database = supervisor.start({
    name: 'database',
    command: process.execPath,
    args: ['--import', 'tsx', 'scripts/database.ts'],
    stopLast: true,
    stopTimeoutMs: 20_000,
  });
  await database.ready(/^ready$/, 120_000);
  return embeddedDatabaseUrl(config.embeddedPg.port, 'waymark');
}
