/**
 * Builds the runtime's dependencies for a worker process from the configuration: its own
 * database pool, the runtime clock (offset-able in sandbox mode), the HubSpot CRM port and the
 * engine binding.
 */
import pg from 'pg';
import { createPrisma, type Db } from '../db/prisma';
import type { Env } from '../env';
import { accessTokenSource } from './install/access-token';
import { connectCrmPort } from './install/connect-crm-port';
import { runtimeClock } from './clock';
import { engine } from './run/engine';
import type { RuntimeDeps } from './runtime-deps';

export function createRuntimeDeps(config: Env, databaseUrl: string, processId: string, shared?: Db): RuntimeDeps {
  const db = shared ?? createPrisma(databaseUrl, { max: Math.max(10, config.workerConcurrency * 2 + 4) });
  const clock = runtimeClock(db, config.mode);
  // Access tokens expire in real time, whatever the runtime clock says.
  const wall = () => new Date();
  const tokens = accessTokenSource({
    db,
    keys: config.tokenKeys,
    oauth: {
      apiBase: config.hubspot.apiBase,
      appBase: config.hubspot.appBase,
      clientId: config.hubspot.clientId,
      clientSecret: config.hubspot.clientSecret,
      redirectUri: `${config.appUrl}/api/hubspot/oauth/callback`,
    },
    now: wall,
  });
  const crm = connectCrmPort({ db, tokens, apiBase: config.hubspot.apiBase, now: () => clock.now() });
  const sql = new pg.Pool({ connectionString: databaseUrl, max: Math.max(4, config.workerConcurrency + 2) });
  sql.on('error', () => {});
  return { db, sql, clock, crm, engine, processId };
}
