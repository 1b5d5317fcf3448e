/**
 * The shared per-portal request budget: atomic reservations from two database clients never
 * overfill a window, and a burst from two processes' CRM ports against the sandbox stays within
 * HubSpot's 110 requests per rolling 10 s (no 429 at all).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma, type Db } from '../../../lib/db/prisma';
import { accessTokenSource } from '../../../lib/runtime/install/access-token';
import { BUDGETS } from '../../../lib/hubspot/crm/api-budget';
import { pruneBudget, tryReserve } from '../../../lib/runtime/store/api-budget';
import { connectCrmPort } from '../../../lib/runtime/install/connect-crm-port';
import type { VaultKey } from '../../../lib/hubspot/token-vault';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from './seed-installation';

const CLIENT_ID = 'budget-test-client';
const CLIENT_SECRET = 'budget-test-secret-0000000000';
const keys: VaultKey[] = [{ id: 'k1', key: randomBytes(32) }];

let t: TestDatabase;
let sandbox: SandboxHandle;
let a: Db;
let b: Db;

beforeAll(async () => {
  t = await createTestDatabase();
  a = createPrisma(t.url, { max: 5 });
  b = createPrisma(t.url, { max: 5 });
  sandbox = await startSandbox({ port: 0, appTargetUrl: null, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET });
});

afterAll(async () => {
  await Promise.all([a.$disconnect(), b.$disconnect()]);
  await sandbox.stop();
  await t.drop();
});

describe('api budget', () => {
  it('concurrent reservations from two clients never put more than the cap in one window', async () => {
    const results = await Promise.all(Array.from({ length: 60 }, (_, i) => tryReserve(i % 2 ? a : b, 1n, 'general')));
    const rows = await t.db.apiBudget.findMany({ where: { portalId: 1n, bucket: 'general' } });
    expect(Math.max(...rows.map((r) => r.used))).toBeLessThanOrEqual(BUDGETS.general.perWindow);
    expect(rows.reduce((sum, r) => sum + r.used, 0)).toBe(results.filter(Boolean).length);
    expect(results.filter((ok) => !ok).length).toBeGreaterThan(0);
    // Search has its own, smaller bucket.
    const search = await Promise.all(Array.from({ length: 10 }, () => tryReserve(a, 1n, 'search')));
    expect(search.filter(Boolean).length).toBeLessThanOrEqual(2 * BUDGETS.search.perWindow);
  });

  it('old windows are pruned', async () => {
    await t.db.apiBudget.create({ data: { portalId: 2n, bucket: 'general', windowStart: new Date(Date.now() - 120_000), used: 3 } });
    expect(await pruneBudget(t.db)).toBeGreaterThanOrEqual(1);
    expect(await t.db.apiBudget.count({ where: { portalId: 2n } })).toBe(0);
  });

  it('a burst of 140 calls from two processes never exceeds 110 per rolling 10 s at the sandbox', async () => {
    const portal = BigInt(sandbox.demoPortalId);
    const issued = sandbox.state.install(sandbox.demoPortalId, CLIENT_ID);
    await seedInstallation(t.db, keys, portal, { accessToken: issued.token, refreshToken: issued.refreshToken, expiresAt: new Date(issued.expiresAt) });
    const oauth = { apiBase: sandbox.url, appBase: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: 'http://x/cb' };
    const port = (db: Db) =>
      connectCrmPort({ db, apiBase: sandbox.url, tokens: accessTokenSource({ db, keys, oauth, now: () => new Date() }), now: () => new Date() });
    const arrivals: number[] = [];
    let limited = 0;
    const take = sandbox.limiter.take.bind(sandbox.limiter);
    sandbox.limiter.take = (key, bucket, now) => {
      try {
        const headers = take(key, bucket, now);
        arrivals.push(now);
        return headers;
      } catch (error) {
        limited += 1;
        throw error;
      }
    };
    const [p1, p2] = [port(a), port(b)];
    const calls = Array.from({ length: 140 }, (_, i) => (i % 2 ? p1 : p2).listPipelines(portal, 'deal'));
    const results = await Promise.all(calls);
    expect(results.every((r) => r.length > 0)).toBe(true);
    expect(limited).toBe(0);
    expect(arrivals).toHaveLength(140);
    arrivals.sort((x, y) => x - y);
    let busiest = 0;
    for (let i = 0, j = 0; i < arrivals.length; i++) {
      while ((arrivals[i] as number) - (arrivals[j] as number) >= 10_000) j++;
      busiest = Math.max(busiest, i - j + 1);
    }
    expect(busiest).toBeLessThanOrEqual(110);
  }, 60_000);
});
