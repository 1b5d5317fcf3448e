// npm run sandbox: the local HubSpot sandbox alone (also started by `npm run dev` in sandbox mode).
// SANDBOX_RETRY_SCALE (optional) shortens HubSpot's ~24 h webhook retry schedule, e.g. 0.01.
import { dirname, join, resolve } from 'node:path';
import { env } from '../lib/env';
import { startSandbox } from '../lib/sandbox/start-sandbox';

const config = env();
const retryScale = process.env.SANDBOX_RETRY_SCALE ? Number(process.env.SANDBOX_RETRY_SCALE) : undefined;
if (retryScale !== undefined && !(retryScale >= 0)) {
  console.error('SANDBOX_RETRY_SCALE must be a non-negative number');
  process.exit(1);
}
// With embedded Postgres, OAuth grants live beside its data, so a restart of `npm run dev` keeps
// Waymark installed (the app's database still holds the tokens). An external database: memory only.
const persistOAuthPath = config.databaseUrl ? undefined : join(dirname(resolve(config.embeddedPg.dir)), 'sandbox-oauth.json');
const sandbox = await startSandbox({ retryScale, persistOAuthPath });
console.log(`HubSpot sandbox on ${sandbox.url} (demo portal ${sandbox.demoPortalId}; webhooks → ${sandbox.app.webhookTarget ?? 'off'})`);
console.log(`install: ${config.appUrl}/api/hubspot/oauth/install · consent page: ${sandbox.url}/oauth/authorize · control: ${sandbox.url}/_sandbox`);

const stop = async () => {
  await sandbox.stop();
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());
