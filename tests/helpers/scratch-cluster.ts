/**
 * The Postgres cluster a test run or a benchmark works on: the server at `adminUrl` when one is
 * given, otherwise a throwaway embedded cluster in a temporary directory, removed on stop.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '../../lib/db/embedded-postgres';
import { freePort } from './free-port';

export interface ScratchCluster {
  adminUrl: string;
  stop(): Promise<void>;
}

export async function startScratchCluster(adminUrl: string | undefined, label: string): Promise<ScratchCluster> {
  if (adminUrl) return { adminUrl, stop: async () => {} };
  const dir = await mkdtemp(join(tmpdir(), `waymark-${label}-pg-`));
  const server = await startEmbeddedPostgres({ dir: join(dir, 'data'), port: await freePort(), persistent: false });
  return {
    adminUrl: server.adminUrl,
    async stop() {
      await server.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
