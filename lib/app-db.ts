/**
 * The database handle for route handlers. `npm run dev` / `npm start` resolve the database
 * (embedded Postgres in sandbox mode) before Next.js starts and pass DATABASE_URL down.
 */
import { env } from './env';
import { HttpError } from './http/http-error';
import { sharedPrisma, type Db } from './db/prisma';

export function appDb(): Db {
  const url = env().databaseUrl;
  if (!url) throw new HttpError(503, 'No database configured: start the app with `npm run dev` (sandbox) or set DATABASE_URL');
  return sharedPrisma(url);
}
