/**
 * The runtime's store functions speak plain SQL through this small interface, on a `pg` pool or
 * on the client of a transaction (the hot paths: run advances and enrollment, where a round trip
 * through `pg` costs a fraction of one through Prisma). It returns int8 as bigint (as Prisma
 * does), timestamptz as Date and jsonb parsed.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface Sql {
  query<T>(text: string, values?: readonly unknown[]): Promise<T[]>;
}

const INT8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: string) =>
    oid === INT8 ? (value: string) => BigInt(value) : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
};

/**
 * A prepared-statement name for a query text. The runtime's SQL texts are constants, so each
 * connection prepares each one once and Postgres skips parsing and (after a few runs, with a
 * generic plan) planning on every later use: most of a run advance's database CPU otherwise.
 */
const statementNames = new Map<string, string>();
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `wm_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

/** SQL over a `pg` pool or client (int8 parsed as bigint for these queries only). */
export function pgSql(client: Pick<pg.Pool, 'query'> | Pick<pg.PoolClient, 'query'>): Sql {
  return {
    async query<T>(text: string, values: readonly unknown[] = []) {
      const result = await (client as pg.Pool).query({ name: statementName(text), text, values: [...values], types });
      return result.rows as T[];
    },
  };
}

/**
 * Runs `body` in a transaction on one pooled `pg` connection. The body gets the SQL handle and
 * an enqueue-capable executor for lib/queue (jobs commit with the rows they are about).
 */
export async function withPgTransaction<T>(
  pool: pg.Pool,
  body: (sql: Sql, executor: { $executeRawUnsafe(text: string, ...values: unknown[]): Promise<number> }) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const sql = pgSql(client);
    const executor = { $executeRawUnsafe: async (text: string, ...values: unknown[]) => (await client.query(text, values)).rowCount ?? 0 };
    const result = await body(sql, executor);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
