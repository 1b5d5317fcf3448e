/**
 * Where the database is. `DATABASE_URL` wins; otherwise (sandbox mode) we start embedded
 * Postgres with its data under `.data/` and create the `waymark` database on first run.
 */
import type { Env } from '../env';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  embedded?: RunningPostgres;
}

export async function resolveDatabase(config: Env, log: (line: string) => void = () => {}): Promise<ResolvedDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl };
  if (!config.isSandbox) throw new Error('DATABASE_URL is required in connected mode');
  log(`starting embedded PostgreSQL in ${config.embeddedPg.dir} on port ${config.embeddedPg.port}`);
  const embedded = await startEmbeddedPostgres({ dir: config.embeddedPg.dir, port: config.embeddedPg.port });
  await ensureDatabase(embedded.adminUrl, 'waymark');
  return { url: embedded.urlFor('waymark'), embedded };
}
