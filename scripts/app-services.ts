/**
 * The processes `npm run dev` and `npm start` run beside the web server. Shared so the two
 * commands cannot drift apart.
 */
import type { Env } from '../lib/env';
import type { Service } from '../lib/process/supervisor';

const tsx = process.execPath;
const tsxArgs = (script: string) => ['--import', 'tsx', script];

export function backgroundServices(config: Env, databaseUrl: string): Service[] {
  const shared = { DATABASE_URL: databaseUrl };
  const services: Service[] = [{ name: 'worker', command: tsx, args: tsxArgs('scripts/worker.ts'), env: shared }];
  // The local HubSpot sandbox (lib/sandbox) stands in for HubSpot only in sandbox mode.
  if (config.isSandbox) services.push({ name: 'sandbox', command: tsx, args: tsxArgs('scripts/sandbox.ts') });
  return services;
}
