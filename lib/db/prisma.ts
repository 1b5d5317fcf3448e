/**
 * The one Prisma client factory for the web app, the worker and tests. Prisma 7 runs its query
 * compiler in-process and talks to Postgres through the `pg` driver adapter.
 */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client';

export type Db = PrismaClient;

export function createPrisma(connectionString: string, options: { max?: number } = {}): Db {
  const adapter = new PrismaPg({ connectionString, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { waymarkDb?: { url: string; client: Db } };

/**
 * The process-wide client. Kept on `globalThis` so Next.js dev reloads reuse one pool instead
 * of opening a new one per reload.
 */
export function sharedPrisma(connectionString: string): Db {
  const held = globalForDb.waymarkDb;
  if (held && held.url === connectionString) return held.client;
  const client = createPrisma(connectionString);
  globalForDb.waymarkDb = { url: connectionString, client };
  return client;
}
