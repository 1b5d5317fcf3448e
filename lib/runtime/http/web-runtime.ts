/**
 * The runtime as route handlers use it: the app's shared database pool, the process clock and
 * the CRM port, built once per process.
 */
import { randomBytes } from 'node:crypto';
import { appDb } from '../../app-db';
import { env } from '../../env';
import { createRuntimeDeps } from '../create-runtime-deps';
import type { RuntimeDeps } from '../runtime-deps';

const holder = globalThis as unknown as { waymarkWebRuntime?: RuntimeDeps };

export function webRuntime(): RuntimeDeps {
  const db = appDb();
  if (holder.waymarkWebRuntime?.db === db) return holder.waymarkWebRuntime;
  const config = env();
  holder.waymarkWebRuntime = createRuntimeDeps(config, config.databaseUrl ?? '', `web-${randomBytes(6).toString('hex')}`, db);
  return holder.waymarkWebRuntime;
}
