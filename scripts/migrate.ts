// npm run db:migrate: apply pending SQL migrations (embedded Postgres in sandbox mode).
import { env } from '../lib/env';
import { resolveDatabase } from '../lib/db/database-url';
import { migrate } from '../lib/db/migrator';

const database = await resolveDatabase(env(), (l) => console.log(l));
try {
  const applied = await migrate(database.url, { log: (l) => console.log(l) });
  console.log(applied.length ? `applied ${applied.length} migration(s)` : 'database is up to date');
} finally {
  await database.embedded?.stop();
}
