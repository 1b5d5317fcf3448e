// The audit use-case and its jobs on real Postgres and the real sandbox, with a small stand-in
// rule set (the real rules are lib/audit's and have their own tests): every native
// workflow is read through the CRM port with progress, the report and the diff are stored, a job
// run twice changes nothing, the daily fan-out opens one audit per installed portal per day, and
// a portal whose workflows cannot be read ends as a failed audit.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { AuditCorePort } from '../../../lib/runtime/audit/audit-core-port';
import { fanOutDailyAudits } from '../../../lib/runtime/audit/fan-out-daily-audits';
import { readAudit } from '../../../lib/runtime/audit/read-audits';
import { runPortalAudit } from '../../../lib/runtime/audit/run-portal-audit';
import { startPortalAudit } from '../../../lib/runtime/audit/start-portal-audit';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startAuditHarness, type AuditHarness } from './support/audit-harness';

type Finding = { rule: string; subject: { kind: string; id: string } };
const progressSeen: number[] = [];

/** Stand-in rules: a finding per workflow without a description. */
const core: AuditCorePort = {
  ruleSetVersion: 'test-1',
  run(input, { now }) {
    const findings: Finding[] = input.flows
      .filter((f) => !f.description)
      .map((f) => ({ rule: 'test-no-description', subject: { kind: 'workflow', id: String(f.id) } }));
    return { portalId: input.portalId, auditedAt: now.toISOString(), score: Math.max(0, 100 - 5 * findings.length), findings, flows: input.flows.length, contracts: input.contracts.length };
  },
  diff(previous, current) {
    const key = (f: unknown) => `${(f as Finding).rule}|${(f as Finding).subject.id}`;
    const before = new Set((previous?.findings ?? []).map(key));
    const after = new Set(current.findings.map(key));
    return { new: [...after].filter((k) => !before.has(k)), fixed: [...before].filter((k) => !after.has(k)) };
  },
  format: (report) => JSON.stringify(report),
  draftFromFlow: () => ({ draft: {}, yaml: '', openFindings: [] }),
};

let t: TestDatabase;
let h: AuditHarness;

beforeAll(async () => {
  t = await createTestDatabase();
  h = await startAuditHarness(t, core);
});
afterAll(async () => {
  await h?.stop();
  await t?.drop();
});

it('reads every workflow with progress, stores the report; a second run of the job changes nothing', async () => {
  const flowCount = h.sandbox.state.portal(Number(h.portal))!.flows.size;
  const started = await startPortalAudit(h.deps, { portalId: h.portal, runKey: 'on-demand:a', requestedBy: 'tester' });
  const again = await startPortalAudit(h.deps, { portalId: h.portal, runKey: 'on-demand:b', requestedBy: 'tester' });
  expect(again).toEqual({ auditId: started.auditId, created: false });
  expect((await readAudit(h.deps, h.portal, started.auditId))?.status).toBe('queued');
  // Watch progress while the job runs: sample the row on every workflow read.
  const poll = setInterval(() => {
    void readAudit(h.deps, h.portal, started.auditId).then((a) => a && progressSeen.push(a.progress.read));
  }, 5);
  await h.drain();
  clearInterval(poll);
  const audit = await readAudit(h.deps, h.portal, started.auditId);
  expect(audit).toMatchObject({ status: 'done', ruleSetVersion: 'test-1', progress: { total: flowCount, read: flowCount, checked: flowCount }, previousId: null });
  expect(audit!.report).toMatchObject({ flows: flowCount, findings: expect.any(Array) });
  expect(audit!.report!.findings.length).toBeGreaterThan(0);
  const second = await runPortalAudit(h.deps, { portalId: h.portal, auditId: started.auditId, lastAttempt: false }, core);
  expect(second).toBe('already-finished');
  expect((await readAudit(h.deps, h.portal, started.auditId))?.auditedAt).toBe(audit!.auditedAt);
});

it('the next audit diffs against the previous one (a description added through the v4 PUT is "fixed")', async () => {
  const state = h.sandbox.state.portal(Number(h.portal))!;
  const flow = [...state.flows.values()].find((f) => !f.description)!;
  const body = { ...flow, description: 'Now documented' };
  const put = await fetch(`${h.sandbox.url}/automation/v4/flows/${flow.id}`, {
    method: 'PUT', headers: { authorization: `Bearer ${h.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  expect(put.status).toBe(200);
  const first = (await t.pool.query(`SELECT id::text FROM audit_reports WHERE status = 'done'`)).rows[0].id as string;
  const { auditId } = await startPortalAudit(h.deps, { portalId: h.portal, runKey: 'on-demand:c', requestedBy: 'tester' });
  await h.drain();
  const audit = await readAudit(h.deps, h.portal, auditId);
  expect(audit).toMatchObject({ status: 'done', previousId: first, diff: { new: [], fixed: [`test-no-description|${flow.id}`] } });
});

it('the daily fan-out opens one audit per installed portal per day, however often it runs', async () => {
  const before = (await t.pool.query(`SELECT count(*)::int AS n FROM audit_reports`)).rows[0].n as number;
  expect(await fanOutDailyAudits(h.deps)).toEqual({ portals: 1, opened: 1 });
  expect(await fanOutDailyAudits(h.deps)).toEqual({ portals: 1, opened: 0 });
  await h.drain();
  const rows = (await t.pool.query(`SELECT run_key, status::text FROM audit_reports ORDER BY created_at`)).rows as { run_key: string; status: string }[];
  expect(rows).toHaveLength(before + 1);
  expect(rows.at(-1)).toEqual({ run_key: `daily:${h.deps.clock.now().toISOString().slice(0, 10)}`, status: 'done' });
});

it('a portal whose workflows HubSpot refuses ends as a failed audit with the reason, not a stuck one', async () => {
  h.sandbox.faults.add({ kind: 'error', status: 403, times: 1, path: '/automation/v4/flows', latencyMs: 0 });
  const { auditId } = await startPortalAudit(h.deps, { portalId: h.portal, runKey: 'on-demand:d', requestedBy: 'tester' });
  await h.drain();
  const audit = await readAudit(h.deps, h.portal, auditId);
  expect(audit).toMatchObject({ status: 'failed', error: expect.stringContaining('403') });
  expect(progressSeen.some((read) => read > 0)).toBe(true);
});
