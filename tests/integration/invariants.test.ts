/**
 * The state store's invariants are indexes and constraints, not application checks. Each one is
 * raced by many concurrent writers (exactly one wins, no error reaches the caller), checked in
 * the catalog (exists, valid, unique, partial where it should be), and shown to be load-bearing:
 * on a copy of the database with the index dropped, the same race lets several writers win.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../lib/db/prisma';
import { claimActionAttempt } from '../../lib/runtime/store/claim-action-attempt';
import { startRun, type StartRunResult } from '../../lib/runtime/store/start-run';
import { storeWebhookEvents } from '../../lib/runtime/store/store-webhook-events';
import { PORTAL, seedContract } from '../helpers/fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

const N = 20;

async function raceSameContract(db: Db, recordId: string): Promise<StartRunResult[]> {
  const { contract, version } = await seedContract(db);
  return Promise.all(
    Array.from({ length: N }, () =>
      startRun(db, {
        portalId: PORTAL,
        contractId: contract.id,
        contractVersionId: version.id,
        contractKey: contract.key,
        objectType: 'contact',
        recordId,
        firstStepId: 'first',
        lanes: [],
        at: new Date(),
        decision: { reason: 'race', inputs: {} },
      }),
    ),
  );
}

async function raceOneLane(db: Db, recordId: string): Promise<StartRunResult[]> {
  const contracts = await Promise.all([seedContract(db), seedContract(db)]);
  return Promise.all(
    Array.from({ length: N }, (_, i) => {
      const { contract, version } = contracts[i % 2]!;
      return startRun(db, {
        portalId: PORTAL,
        contractId: contract.id,
        contractVersionId: version.id,
        contractKey: contract.key,
        objectType: 'contact',
        recordId,
        firstStepId: 'first',
        lanes: ['outreach'],
        at: new Date(),
        decision: { reason: 'race', inputs: {} },
      });
    }),
  );
}

async function raceWebhookBatch(t: TestDatabase): Promise<number> {
  const batch = Array.from({ length: 5 }, (_, i) => ({
    portalId: PORTAL,
    eventId: BigInt(1000 + i),
    subscriptionType: 'contact.propertyChange',
    objectId: 7n,
    occurredAt: new Date(),
    attemptNumber: 0,
    payload: { eventId: 1000 + i },
  }));
  const inserted = await Promise.all(
    Array.from({ length: 10 }, () => t.db.$transaction((tx) => storeWebhookEvents(tx, batch))),
  );
  return inserted.reduce((a, b) => a + b.length, 0);
}

async function raceActionClaims(db: Db): Promise<number> {
  const [won] = await raceSameContract(db, `action-${Math.random()}`).then((r) => r.filter((x) => x.started));
  const runId = (won as { runId: string }).runId;
  const claims = await Promise.all(
    Array.from({ length: N }, () =>
      claimActionAttempt(db, {
        portalId: PORTAL,
        runId,
        stepId: 'send',
        idempotencyKey: `${runId}:send`,
        kind: 'send_email',
        request: {},
      }),
    ),
  );
  return claims.filter((c) => c.claimed).length;
}

describe('invariants under concurrency', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.drop());

  it('one active run per (portal, contract, record)', async () => {
    const results = await raceSameContract(t.db, 'r-1');
    expect(results.filter((r) => r.started)).toHaveLength(1);
    expect(results.filter((r) => !r.started).every((r) => !r.started && r.conflict === 'active-run')).toBe(true);
  });

  it('a new run may start once the previous one has exited', async () => {
    const { contract, version } = await seedContract(t.db);
    const input = {
      portalId: PORTAL,
      contractId: contract.id,
      contractVersionId: version.id,
      contractKey: contract.key,
      objectType: 'contact',
      recordId: 'r-again',
      firstStepId: 'first',
      lanes: [],
      at: new Date(),
      decision: { reason: 'test', inputs: {} },
    };
    const first = await startRun(t.db, input);
    expect(first.started).toBe(true);
    await t.db.run.update({
      where: { id: (first as { runId: string }).runId },
      data: { status: 'exited', exitId: 'exit-done', exitOutcome: 'neutral', exitedAt: new Date() },
    });
    expect((await startRun(t.db, input)).started).toBe(true);
  });

  it('one holder per (portal, lane, record) across contracts', async () => {
    const results = await raceOneLane(t.db, 'r-2');
    expect(results.filter((r) => r.started)).toHaveLength(1);
    const holders = await t.db.laneHolding.count({ where: { recordId: 'r-2', releasedAt: null } });
    expect(holders).toBe(1);
    // The loser's run row was rolled back with its lane insert: no run without its lanes.
    expect(await t.db.run.count({ where: { recordId: 'r-2' } })).toBe(1);
  });

  it('each (portal, webhook event) is stored once, every delivery succeeds', async () => {
    expect(await raceWebhookBatch(t)).toBe(5);
    expect(await t.db.webhookEvent.count()).toBe(5);
  });

  it('each action idempotency key is claimed once', async () => {
    expect(await raceActionClaims(t.db)).toBe(1);
  });

  it('an exited run must record its exit', async () => {
    const [result] = await raceSameContract(t.db, 'r-exit').then((r) => r.filter((x) => x.started));
    const runId = (result as { runId: string }).runId;
    await expect(
      t.pool.query(`UPDATE runs SET status = 'exited', exited_at = now() WHERE id = $1`, [runId]),
    ).rejects.toThrow(/runs_exit_recorded/);
  });

  it('published versions and the decision log are append-only', async () => {
    await expect(t.pool.query(`UPDATE contract_versions SET definition = '{"x":1}'`)).rejects.toThrow(/append-only/);
    await expect(t.pool.query(`DELETE FROM decision_log`)).rejects.toThrow(/append-only/);
  });

  it('catalog: every invariant index exists, is valid and unique (partial where it should be)', async () => {
    const expected: Record<string, { table: string; partial: boolean }> = {
      runs_one_active_per_record: { table: 'runs', partial: true },
      lane_holdings_one_holder: { table: 'lane_holdings', partial: true },
      webhook_events_portal_id_event_id_key: { table: 'webhook_events', partial: false },
      action_attempts_idempotency_key_key: { table: 'action_attempts', partial: false },
    };
    const rows = await t.pool.query<{ index: string; table: string; valid: boolean; unique: boolean; partial: boolean }>(
      `SELECT ci.relname AS index, ct.relname AS table, i.indisvalid AS valid, i.indisunique AS unique,
              i.indpred IS NOT NULL AS partial
         FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class ct ON ct.oid = i.indrelid
        WHERE ci.relname = ANY($1)`,
      [Object.keys(expected)],
    );
    expect(rows.rows.map((r) => r.index).sort()).toEqual(Object.keys(expected).sort());
    for (const row of rows.rows) {
      expect(row).toMatchObject({ table: expected[row.index]!.table, valid: true, unique: true, partial: expected[row.index]!.partial });
    }
    const checks = await t.pool.query(`SELECT conname FROM pg_constraint WHERE conname = 'runs_exit_recorded' AND convalidated`);
    expect(checks.rowCount).toBe(1);
  });
});

describe('the race tests fail without their index', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.pool.query(`DROP INDEX runs_one_active_per_record; DROP INDEX lane_holdings_one_holder;
      DROP INDEX webhook_events_portal_id_event_id_key; DROP INDEX action_attempts_idempotency_key_key`);
  });
  afterAll(async () => t.drop());

  it('lets several runs, lane holders, events and claims through', async () => {
    expect((await raceSameContract(t.db, 'x-1')).filter((r) => r.started).length).toBeGreaterThan(1);
    expect((await raceOneLane(t.db, 'x-2')).filter((r) => r.started).length).toBeGreaterThan(1);
    expect(await raceWebhookBatch(t)).toBeGreaterThan(5);
    expect(await raceActionClaims(t.db)).toBeGreaterThan(1);
  });
});
