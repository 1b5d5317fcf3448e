/**
 * The processes `npm run dev` and `npm start` run: the web server, and beside it the worker and
 * (sandbox mode) the HubSpot sandbox. Shared so the two commands cannot drift apart. They are
 * stopped in the order they are started, after the web server.
 */
import type { Env } from '../lib/env';
import type { Service } from '../lib/process/supervisor';

const tsx = process.execPath;
const tsxArgs = (script: string) => ['--import', 'tsx', script];

export function webService(command: 'dev' | 'start', config: Env, databaseUrl: string): Service {
  return {
    name: 'web',
    command: process.execPath,
    args: ['node_modules/next/dist/bin/next', command, '--port', String(config.port)],
    env: {
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: '1',
      ...(command === 'start' ? { NODE_ENV: 'production' } : {}),
    },
  };
}

export function backgroundServices(config: Env, databaseUrl: string): Service[] {
  const shared = { DATABASE_URL: databaseUrl };
  // The worker finishes (or releases) the jobs it is running before it exits: give it time.
  const services: Service[] = [{ name: 'worker', command: tsx, args: tsxArgs('scripts/worker.ts'), env: shared, stopTimeoutMs: 30_000 }];
  // The local HubSpot sandbox (lib/sandbox) stands in for HubSpot only in sandbox mode.
  if (config.isSandbox) services.push({ name: 'sandbox', command: tsx, args: tsxArgs('scripts/sandbox.ts') });
  return services;
}
