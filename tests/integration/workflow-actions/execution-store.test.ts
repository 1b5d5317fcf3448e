// The idempotency gate of custom workflow actions: many concurrent requests with one callbackId
// make one execution row (one `fresh` claim), and an exit completes only executions still blocked.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgSql } from '@/lib/runtime/store/sql';
import { claimExecution, completeBlockedOnRun, executionById, linkExecutionRun, markCompleted } from '@/lib/runtime/store/workflow-action-executions';
import { declaredExitsByFlow, insertNativeExit } from '@/lib/runtime/store/native-workflow-exits';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => t.drop());

const base = { portalId: 62515n, action: 'run-contract' as const, flowId: '901', objectType: 'contact', recordId: '7', request: { x: 1 }, state: 'blocked' as const };

describe('workflow_action_executions', () => {
  it('20 concurrent claims of one callbackId make one row and exactly one fresh claim', async () => {
    const sql = pgSql(t.pool);
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimExecution(sql, { ...base, callbackId: 'cb-race' })));
    expect(claims.filter((c) => c.fresh)).toHaveLength(1);
    expect(new Set(claims.map((c) => c.row.id)).size).toBe(1);
    const rows = await t.pool.query(`SELECT count(*)::int AS n FROM workflow_action_executions WHERE callback_id = 'cb-race'`);
    expect(rows.rows[0].n).toBe(1);
  });

  it('the same callbackId in another portal is another execution', async () => {
    const sql = pgSql(t.pool);
    const a = await claimExecution(sql, { ...base, callbackId: 'cb-shared' });
    const b = await claimExecution(sql, { ...base, portalId: 62516n, callbackId: 'cb-shared' });
    expect(a.fresh && b.fresh).toBe(true);
  });

  it('an exit moves only blocked executions of its run to completing, once', async () => {
    const sql = pgSql(t.pool);
    const runId = '00000000-0000-4000-8000-000000000001';
    const { row } = await claimExecution(sql, { ...base, callbackId: 'cb-exit' });
    await linkExecutionRun(sql, row.id, runId);
    const exit = { exitId: 'exit-booked', outcome: 'success', reason: 'Meeting booked.' };
    expect(await completeBlockedOnRun(sql, runId, exit)).toEqual([row.id]);
    expect(await completeBlockedOnRun(sql, runId, exit)).toEqual([]);
    await markCompleted(sql, row.id, new Date());
    const done = await executionById(sql, row.id);
    expect(done).toMatchObject({ state: 'completed', outcome: 'success', outputs: { exitId: 'exit-booked', outcome: 'success', reason: 'Meeting booked.' } });
  });

  it('refuses a state outside the lifecycle', async () => {
    await expect(
      t.pool.query(`INSERT INTO workflow_action_executions (id, portal_id, callback_id, action, object_type, record_id, request, state)
                    VALUES (gen_random_uuid(), 1, 'x', 'run-contract', 'contact', '1', '{}', 'lost')`),
    ).rejects.toThrow(/workflow_action_executions_state/);
  });
});

describe('native_workflow_exits', () => {
  it('records one exit per callbackId and lists the exits each flow declares', async () => {
    const sql = pgSql(t.pool);
    const row = { portalId: 62515n, objectType: 'contact', recordId: '7', flowId: '902', workflowExit: 'nurtured', laneReleased: null, callbackId: 'cb-d1', at: new Date() };
    expect(await insertNativeExit(sql, row)).toBe(true);
    expect(await insertNativeExit(sql, row)).toBe(false);
    await insertNativeExit(sql, { ...row, workflowExit: 'booked', callbackId: 'cb-d2' });
    expect(await declaredExitsByFlow(sql, 62515n)).toEqual(new Map([['902', ['booked', 'nurtured']]]));
  });
});
