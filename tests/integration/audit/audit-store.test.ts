// audit_reports / audit_suppressions statements on real Postgres: concurrent opens make one open
// audit per portal (the partial unique index), a run key is used once, finished audits never
// reopen, and a suppression set twice is one row with the newer reason.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { auditById, failAudit, finishAudit, openAudit, previousFinishedAudit, startAudit, updateAuditProgress } from '../../../lib/runtime/store/audit-reports';
import { deleteSuppression, listSuppressions, upsertSuppression } from '../../../lib/runtime/store/audit-suppressions';
import { pgSql, type Sql } from '../../../lib/runtime/store/sql';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

let t: TestDatabase;
let sql: Sql;
const now = new Date('2026-12-06T10:00:00Z');

beforeAll(async () => {
  t = await createTestDatabase();
  sql = pgSql(t.pool);
});
afterAll(async () => {
  await t.drop();
});

it('twenty concurrent opens of one portal make one open audit; all callers get its id', async () => {
  const opened = await Promise.all(Array.from({ length: 20 }, (_, i) => openAudit(pgSql(t.pool), { portalId: 1n, runKey: `on-demand:${i}`, requestedBy: 'u', now })));
  expect(new Set(opened.map((o) => o.id)).size).toBe(1);
  expect(opened.filter((o) => o.created)).toHaveLength(1);
  const rows = await t.pool.query(`SELECT count(*)::int AS n FROM audit_reports WHERE portal_id = 1`);
  expect(rows.rows[0].n).toBe(1);
});

it('runs queued → running → done once; a second finish or a fail after done changes nothing; the same run key never opens again', async () => {
  const { id } = await openAudit(sql, { portalId: 2n, runKey: 'daily:2026-12-06', requestedBy: null, now });
  expect((await startAudit(sql, id, now))?.status).toBe('running');
  await updateAuditProgress(sql, id, { total: 7, read: 3, checked: 1 });
  expect(await auditById(sql, 2n, id)).toMatchObject({ workflowsTotal: 7, workflowsRead: 3, workflowsChecked: 1 });
  const done = { ruleSetVersion: 'r1', score: 80, findings: [{ rule: 'x' }], report: { score: 80 }, diff: null, previousId: null, auditedAt: now };
  expect(await finishAudit(sql, id, done)).toBe(true);
  expect(await finishAudit(sql, id, { ...done, score: 1 })).toBe(false);
  await failAudit(sql, id, 'late failure', now);
  expect(await startAudit(sql, id, now)).toBeNull();
  expect(await auditById(sql, 2n, id)).toMatchObject({ status: 'done', score: 80, workflowsChecked: 7, findings: [{ rule: 'x' }] });
  expect(await auditById(sql, 3n, id)).toBeNull();
  const again = await openAudit(sql, { portalId: 2n, runKey: 'daily:2026-12-06', requestedBy: null, now });
  expect(again).toEqual({ id, created: false });
  const next = await openAudit(sql, { portalId: 2n, runKey: 'on-demand:later', requestedBy: 'u', now: new Date(now.getTime() + 1000) });
  expect(next.created).toBe(true);
  expect((await previousFinishedAudit(sql, 2n, next.id))?.id).toBe(id);
});

it('a suppression set twice is one row with the newer reason; removing it is scoped to the portal', async () => {
  const first = await upsertSuppression(sql, { portalId: 5n, rule: 'native-no-description', subjectKind: 'workflow', subjectId: '42', reason: 'legacy', createdBy: 'a@x', now });
  const second = await upsertSuppression(sql, { portalId: 5n, rule: 'native-no-description', subjectKind: 'workflow', subjectId: '42', reason: 'owned by ops', createdBy: 'b@x', now });
  expect(second.id).toBe(first.id);
  expect(await listSuppressions(sql, 5n)).toEqual([expect.objectContaining({ reason: 'owned by ops', createdBy: 'b@x', subjectId: '42' })]);
  expect(await deleteSuppression(sql, 6n, first.id)).toBe(false);
  expect(await deleteSuppression(sql, 5n, first.id)).toBe(true);
  expect(await listSuppressions(sql, 5n)).toEqual([]);
});
