/** Entry of the `waymark` CLI (`npm run --silent waymark -- <command>`; bin/waymark.js when installed). */
import { env } from '../lib/env';
import { httpAppApi } from '../lib/cli/app-api';
import { nodeIo } from '../lib/cli/node-io';
import { runCli } from '../lib/cli/run-cli';
import { signEmbedToken } from '../lib/hubspot/embed-token';

/** The app the portal commands call, and (connected mode) an operator token signed with AUTH_SECRET. */
function appApi() {
  const config = env();
  return httpAppApi(config.appUrl, (portalId) =>
    config.isSandbox ? null : signEmbedToken(config.authSecret, { portalId, userId: '0', objectType: 'contact', recordId: '0' }, Date.now()),
  );
}

process.exitCode = await runCli(process.argv.slice(2), { ...nodeIo(), get api() { return appApi(); } });
