// GET /_sandbox/card-host.js: the real app card source bundled with the sandbox's card host (rebuilt when a source file changes).
import { log } from '../../log';
import { buildCardBundle, isStale, type CardBundle } from '../card-host/build-card-bundle';
import type { Route } from '../http/router';
import type { SandboxReply } from '../http/sandbox-request';

// One bundle per project directory (several sandboxes may run in one test process).
const bundles = new Map<string, Promise<CardBundle>>();

async function currentBundle(projectDir: string): Promise<CardBundle> {
  const cached = bundles.get(projectDir);
  if (cached) {
    const bundle = await cached.catch(() => null);
    if (bundle && !isStale(bundle)) return bundle;
  }
  const building = buildCardBundle(projectDir);
  bundles.set(projectDir, building);
  return building;
}

export const cardHostScript: Route = {
  method: 'GET',
  paths: ['/_sandbox/card-host.js'],
  auth: 'none',
  handler: async (_request, context): Promise<SandboxReply> => {
    try {
      const bundle = await currentBundle(context.projectDir);
      return { status: 200, body: bundle.code, headers: { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' } };
    } catch (error) {
      bundles.delete(context.projectDir);
      log.error('card host bundle failed', { error: String((error as Error).message ?? error) });
      return { status: 500, body: `Card bundle failed: ${String((error as Error).message ?? error)}`, headers: { 'content-type': 'text/plain; charset=utf-8' } };
    }
  },
};
