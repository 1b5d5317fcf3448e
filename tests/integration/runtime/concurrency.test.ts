/**
 * The runtime's invariants under concurrency, with a real worker pool (graphile-worker,
 * concurrency 8) on real Postgres: the same webhook ten times at once gives one run; two
 * contracts racing for one lane give one holder; a higher-priority contract preempts the holder
 * through its `preempted` exit; a duplicated wake-up advances a run once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEnv } from '../../../lib/env';
import { signV3 } from '../../../lib/hubspot/signature';
import { handleWebhook } from '../../../lib/runtime/ingress/handle-webhook';
import { enqueue } from '../../../lib/queue/enqueue';
import { advanceClockOffset } from '../../../lib/runtime/store/clock-offset';
import { publishContract } from '../../../lib/runtime/contracts/publish-contract';
import { jobHandlers } from '../../../lib/runtime/jobs';
import { wakeRunJob } from '../../../lib/runtime/jobs/definitions/wake-run';
import { startRuntimeWorker, type RuntimeWorker } from '../../../lib/runtime/worker/start-runtime-worker';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { seedInstallation } from '../hubspot/seed-installation';
import { createHarness, exampleContract, PORTAL, propertyChange, type Harness, waitForIdleQueue } from './helpers/runtime-harness';

const APP_URL = 'https://waymark.test';
const SECRET = 'runtime-concurrency-secret-0000000';

function signedDelivery(body: string): Request {
  const timestamp = String(Date.now());
  return new Request(`${APP_URL}/api/hubspot/webhooks`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-hubspot-request-timestamp': timestamp,
      'x-hubspot-signature-v3': signV3(SECRET, 'POST', `${APP_URL}/api/hubspot/webhooks`, body, timestamp),
    },
    body,
  });
}

/** A contract on `trigger` that holds the outreach lane and then waits a day. */
function laneContract(key: string, property: string, entry: Record<string, unknown>) {
  const base = exampleContract('no-show-rebook');
  return {
    ...base,
    key,
    name: key,
    trigger: { event: 'property_changed', property, to: 'yes' },
    entry: { filter: { property: 'email', known: true }, lanes: ['outreach'], reenroll: 'after_exit', ...entry },
    goals: [],
    stagePolicy: undefined,
    steps: [
      { id: 'hold', wait: 'P1D', next: 'ping' },
      { id: 'ping', action: 'add_tag', with: { tag: key }, next: 'exit-done', onFailure: 'exit-done' },
    ],
    exits: [
      { id: 'exit-done', outcome: 'neutral', effects: [{ action: 'add_tag', with: { tag: `${key}-done` } }] },
      { id: 'preempted', outcome: 'neutral', effects: [{ action: 'add_tag', with: { tag: `${key}-preempted` } }] },
    ],
  };
}

describe('runtime invariants under concurrency', () => {
  let t: TestDatabase;
  let h: Harness;
  let worker: RuntimeWorker;

  beforeAll(async () => {
    t = await createTestDatabase();
    h = createHarness(t, 'concurrency-test');
    await seedInstallation(t.db, parseEnv({}).tokenKeys, PORTAL);
    for (const c of [
      exampleContract('long-term-nurture'),
      exampleContract('new-lead-follow-up'),
      laneContract('lane-a', 'wants_a', {}),
      laneContract('lane-b', 'wants_b', {}),
      laneContract('lane-vip', 'wants_vip', { priority: 10, onLaneBusy: 'preempt' }),
    ]) {
      const r = await publishContract(t.db, { portalId: PORTAL, source: c, publishedBy: 'test', now: new Date() });
      expect(r.published, JSON.stringify(r)).toBe(true);
    }
    worker = await startRuntimeWorker({
      connectionString: t.url,
      db: t.db,
      clock: h.deps.clock,
      processId: h.deps.processId,
      handlers: jobHandlers(h.deps),
      concurrency: 8,
      pollInterval: 100,
      sweepMs: 200,
    });
  });
  afterAll(async () => {
    await worker.stop();
    await t.drop();
  });

  it('the same webhook delivered ten times at once starts one run', async () => {
    const now = Date.now();
    const body = JSON.stringify([
      propertyChange(201, 'email', 'x@example.com', now - 10),
      propertyChange(201, 'lifecyclestage', 'lead', now),
    ]);
    const deps = { db: t.db, appUrl: APP_URL, clientSecrets: [SECRET], now: () => new Date() };
    const responses = await Promise.all(Array.from({ length: 10 }, () => handleWebhook(deps, signedDelivery(body))));
    expect(responses.map((r) => r.status)).toEqual(Array(10).fill(200));
    await waitForIdleQueue(t);
    const runs = await t.db.run.findMany({ where: { recordId: '201', contractKey: 'new-lead-follow-up' } });
    expect(runs).toHaveLength(1);
    expect(h.deps.crm.writes.filter((w) => w.kind === 'email' && w.recordId === '201')).toHaveLength(1);
  });

  it('the same change in ten different batches processed at once starts one run', async () => {
    const now = Date.now();
    await h.deliver([propertyChange(202, 'email', 'y@example.com', now - 10)]);
    const copies = Array.from({ length: 10 }, () => propertyChange(202, 'lifecyclestage', 'lead', now));
    await Promise.all(copies.map((c) => handleWebhook({ db: t.db, appUrl: APP_URL, clientSecrets: [SECRET], now: () => new Date() }, signedDelivery(JSON.stringify([c])))));
    await waitForIdleQueue(t);
    expect(await t.db.run.count({ where: { recordId: '202', contractKey: 'new-lead-follow-up' } })).toBe(1);
    const decisions = await t.db.decisionLog.findMany({ where: { recordId: '202', kind: 'entry' } });
    expect(decisions.every((d) => d.outcome === 'rejected')).toBe(true);
  });

  it('two contracts racing for one lane: exactly one holder, the other rejected with its reason', async () => {
    const now = Date.now();
    await h.deliver([propertyChange(203, 'email', 'z@example.com', now - 10)]);
    const deps = { db: t.db, appUrl: APP_URL, clientSecrets: [SECRET], now: () => new Date() };
    await Promise.all([
      handleWebhook(deps, signedDelivery(JSON.stringify([propertyChange(203, 'wants_a', 'yes', now)]))),
      handleWebhook(deps, signedDelivery(JSON.stringify([propertyChange(203, 'wants_b', 'yes', now)]))),
    ]);
    await waitForIdleQueue(t);
    const holders = await t.db.laneHolding.findMany({ where: { recordId: '203', releasedAt: null } });
    expect(holders).toHaveLength(1);
    const rejected = await t.db.decisionLog.findMany({ where: { recordId: '203', kind: 'entry', outcome: 'rejected' } });
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.reason).toMatch(/lane/i);
  });

  it('a higher-priority contract preempts the lane holder through its preempted exit', async () => {
    const now = Date.now();
    await h.deliver([propertyChange(204, 'email', 'p@example.com', now - 10), propertyChange(204, 'wants_a', 'yes', now - 5)]);
    await waitForIdleQueue(t);
    const holder = await t.db.run.findFirstOrThrow({ where: { recordId: '204', contractKey: 'lane-a' } });
    expect(holder.status).toBe('active');
    await h.deliver([propertyChange(204, 'wants_vip', 'yes', now)]);
    await waitForIdleQueue(t);
    expect(await t.db.run.findUniqueOrThrow({ where: { id: holder.id } })).toMatchObject({ status: 'exited', exitId: 'preempted' });
    const vip = await t.db.run.findFirstOrThrow({ where: { recordId: '204', contractKey: 'lane-vip' } });
    expect(vip.status).toBe('active');
    const lanes = await t.db.laneHolding.findMany({ where: { recordId: '204', releasedAt: null } });
    expect(lanes.map((l) => l.runId)).toEqual([vip.id]);
    expect(h.deps.crm.records.get('204')?.waymark_tags).toContain('lane-a-preempted');
  });

  it('a wake-up delivered many times advances the run once', async () => {
    const run = await t.db.run.findFirstOrThrow({ where: { recordId: '204', contractKey: 'lane-vip' } });
    expect(run.currentStepId).toBe('hold');
    await advanceClockOffset(t.db, 25 * 3600_000);
    await h.deps.clock.sync({ force: true });
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => enqueue(t.db, wakeRunJob, { runId: run.id, seq: run.seq }, { jobKey: `dup-wake-${i}` })),
    );
    await waitForIdleQueue(t);
    const after = await t.db.run.findUniqueOrThrow({ where: { id: run.id } });
    expect(after).toMatchObject({ status: 'exited', exitId: 'exit-done' });
    const elapsed = await t.db.decisionLog.count({ where: { runId: run.id, kind: 'wait', outcome: 'elapsed' } });
    expect(elapsed).toBe(1);
    expect(await t.db.actionAttempt.count({ where: { runId: run.id, stepId: 'ping' } })).toBe(1);
  });
});
