/**
 * An audit runtime on a test database: the real sandbox (demo portal 62515, its seeded native
 * workflows), the real HubSpot CRM port with an installation whose tokens the sandbox issued, the
 * DB-offset clock, and the audit jobs run through graphile-worker's `runOnce`.
 */
import { randomBytes } from 'node:crypto';
import { runOnce } from 'graphile-worker';
import { accessTokenSource } from '../../../../lib/runtime/install/access-token';
import { connectCrmPort } from '../../../../lib/runtime/install/connect-crm-port';
import type { VaultKey } from '../../../../lib/hubspot/token-vault';
import { queueLogger } from '../../../../lib/queue/queue-logger';
import { toTaskList, type JobHandler } from '../../../../lib/queue/worker';
import type { AuditCorePort } from '../../../../lib/runtime/audit/audit-core-port';
import { dbOffsetClock } from '../../../../lib/runtime/clock';
import { auditDailyFanOutHandler } from '../../../../lib/runtime/jobs/audit-daily-fan-out';
import { runAuditHandler } from '../../../../lib/runtime/jobs/run-audit';
import { engine } from '../../../../lib/runtime/run/engine';
import type { RuntimeDeps } from '../../../../lib/runtime/runtime-deps';
import { startSandbox, type SandboxHandle } from '../../../../lib/sandbox/start-sandbox';
import type { TestDatabase } from '../../../helpers/test-database';
import { seedInstallation } from '../../hubspot/seed-installation';

const CLIENT_ID = 'audit-test-client';
const CLIENT_SECRET = 'audit-test-secret-0000000000';

export interface AuditHarness {
  sandbox: SandboxHandle;
  deps: RuntimeDeps;
  portal: bigint;
  /** A v4 access token of the installation (for PUTs through the sandbox API in tests). */
  accessToken: string;
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export async function startAuditHarness(t: TestDatabase, core: AuditCorePort): Promise<AuditHarness> {
  const keys: VaultKey[] = [{ id: 'k1', key: randomBytes(32) }];
  const sandbox = await startSandbox({ port: 0, appTargetUrl: null, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, projectDir: '/nonexistent' });
  const portal = BigInt(sandbox.demoPortalId);
  const issued = sandbox.state.install(sandbox.demoPortalId, CLIENT_ID);
  await seedInstallation(t.db, keys, portal, { accessToken: issued.token, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt) });
  const oauth = { apiBase: sandbox.url, appBase: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: 'http://x/cb' };
  const clock = dbOffsetClock(t.db, { cacheMs: 0 });
  const crm = connectCrmPort({ db: t.db, apiBase: sandbox.url, tokens: accessTokenSource({ db: t.db, keys, oauth, now: () => new Date() }), now: () => clock.now(), timeoutMs: 5_000 });
  const deps: RuntimeDeps = { db: t.db, sql: t.pool, clock, crm, engine, processId: 'audit-test' };
  const handlers: readonly JobHandler[] = [runAuditHandler(deps, core), auditDailyFanOutHandler(deps)];
  const taskList = toTaskList(handlers);
  return {
    sandbox,
    deps,
    portal,
    accessToken: issued.token,
    drain: () => runOnce({ connectionString: t.url, taskList, logger: queueLogger('error'), concurrency: 1 }),
    stop: () => sandbox.stop(),
  };
}
