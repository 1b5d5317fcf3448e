// The portal audit end to end on real Postgres, the real sandbox and graphile-worker running the
// worker's own job registry with the real audit core (lib/audit through audit-core-binding):
// an audit started through POST /api/audits is run by the worker and its stored report is read
// back through GET /api/audits/{id}. The demo portal is seeded as `npm run dev` seeds it (its
// native workflows from lib/sandbox/seed, the three demo contracts published through the API),
// and the audit must find exactly the flaws seeded into it, and nothing else.
import { runOnce } from 'graphile-worker';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedPrisma } from '../../../lib/db/prisma';
import { DEMO_CONTRACTS } from '../../../lib/demo/demo-portal';
import { parseEnv } from '../../../lib/env';
import { queueLogger } from '../../../lib/queue/queue-logger';
import { toTaskList } from '../../../lib/queue/worker';
import { auditCoreBinding } from '../../../lib/runtime/audit/audit-core-binding';
import { jobHandlers } from '../../../lib/runtime/jobs';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { startAuditHarness, type AuditHarness } from './support/audit-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Finding = { rule: string; severity: string; subject: { kind: string; id: string; name: string }; message: string; fix: string };
let t: TestDatabase;
let h: AuditHarness;
const routes: Record<string, { GET?: Handler; POST?: Handler }> = {};

const call = (name: string, method: 'GET' | 'POST', url: string, body?: unknown, params: Record<string, string> = {}) =>
  routes[name]![method]!(
    new Request(`http://localhost${url}`, { method, headers: { 'content-type': 'application/json', 'x-waymark-actor': 'ops@example.com' }, body: body === undefined ? undefined : JSON.stringify(body) }),
    { params: Promise.resolve(params) },
  );

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  h = await startAuditHarness(t, auditCoreBinding());
  for (const [name, path] of [['audits', 'audits/route'], ['audit', 'audits/[id]/route'], ['contracts', 'contracts/route']] as const) {
    routes[name] = (await import(`../../../app/api/${path}`)) as (typeof routes)[string];
  }
  for (const { source } of DEMO_CONTRACTS) {
    const published = await call('contracts', 'POST', '/api/contracts', { portalId: h.portal.toString(), contract: source });
    expect(published.status, await published.clone().text()).toBeLessThan(300);
  }
});
afterAll(async () => {
  await h?.stop();
  await sharedPrisma(t.url).$disconnect();
  await t?.drop();
});

/** The worker's job registry with the audit core bound as scripts/worker.ts binds it (or without Waymark's action ids). */
async function runWorker(options: { withActionIds: boolean }) {
  const audit = auditCoreBinding(options.withActionIds ? { waymarkActions: parseEnv({}).hubspot.workflowActionIds } : {});
  await runOnce({ connectionString: t.url, taskList: toTaskList(jobHandlers(h.deps, { audit })), logger: queueLogger('error'), concurrency: 1 });
}

type StoredAudit = { status: string; progress: { total: number; read: number }; report: { findings: Finding[]; score: number }; diff: { previousAuditedAt: string | null; new: Finding[]; fixed: Finding[] } };

async function auditThroughApi(options: { withActionIds: boolean }): Promise<StoredAudit> {
  const started = await call('audits', 'POST', `/api/audits?portalId=${h.portal}`);
  expect(started.status).toBe(202);
  const { auditId } = (await started.json()) as { auditId: string };
  await runWorker(options);
  const read = await call('audit', 'GET', `/api/audits/${auditId}?portalId=${h.portal}`, undefined, { id: auditId });
  expect(read.status).toBe(200);
  return (await read.json()) as StoredAudit;
}

const line = (f: Finding) => `${f.severity} ${f.rule} ${f.subject.kind}:${f.subject.id}`;

/**
 * The flaws seeded into the demo portal (lib/sandbox/seed/demo-flows.ts documents them), one line
 * per finding. The sound workflows ("Deal won: onboarding task", disabled; Waymark's two worked
 * examples 585051953 and 585051954, which check entry and declare exits) have none of their own.
 */
const EXPECTED = [
  // "Re-engage everyone": no enrolment conditions, re-enrols with no suppression, sends email with no goal, sets nothing.
  'error native-enrolment-without-conditions workflow:585051947',
  // "Route MQLs by company size": a list branch with no default.
  'warning native-branch-without-default workflow:585051948',
  'warning native-email-without-exit workflow:585051947',
  // "Nurture: wait a week": waits a week and emails with no goal.
  'warning native-email-without-exit workflow:585051949',
  'warning native-reenrolment-unguarded workflow:585051947',
  // The native "New lead welcome" and the demo contract new-lead-follow-up both start on lifecycle stage 'lead'.
  'warning portal-ambiguous-stage stage:lifecyclestage:lead',
  // Four native workflows write hs_lead_status for records that can be in several of them at once.
  'warning portal-contradictory-writes workflow:585051946',
  'warning portal-contradictory-writes workflow:585051950',
  'warning portal-contradictory-writes workflow:585051951',
  'warning portal-contradictory-writes workflow:585051954',
  // Two emails for the same change: the welcome and the new-lead contract; "Re-engage everyone" overlaps every emailing path.
  'warning portal-overlapping-email workflow:585051946',
  'warning portal-overlapping-email workflow:585051947',
  // Every native workflow but Waymark's worked examples carries no description (the disabled one is not judged).
  ...['585051946', '585051947', '585051948', '585051949', '585051950', '585051951'].map((id) => `info native-no-description workflow:${id}`),
  // Paths that end with an email or a task but no state on the record.
  'info native-path-without-state workflow:585051947',
  'info native-path-without-state workflow:585051948',
  'info native-path-without-state workflow:585051949',
];

it('a full audit of the seeded sandbox portal finds exactly the flaws seeded into it and nothing else', async () => {
  const audit = await auditThroughApi({ withActionIds: true });
  expect(audit.status).toBe('done');
  const flows = h.sandbox.state.portal(Number(h.portal))!.flows.size;
  expect(audit.progress).toMatchObject({ total: flows, read: flows });
  expect(audit.report.findings.map(line)).toEqual(EXPECTED);
  for (const finding of audit.report.findings) {
    expect(finding.message.length, line(finding)).toBeGreaterThan(10);
    expect(finding.fix.length, line(finding)).toBeGreaterThan(10);
  }
  // The first audit of the portal: everything is new.
  expect(audit.diff).toMatchObject({ previousAuditedAt: null, fixed: [] });
  expect(audit.diff.new.map(line).sort()).toEqual([...EXPECTED].sort());
});

it('recognises Waymark\'s workflow actions only by the app\'s action ids (issue #13): without them the worked examples look unguarded', async () => {
  const audit = await auditThroughApi({ withActionIds: false });
  const extra = audit.report.findings.map(line).filter((l) => !EXPECTED.includes(l));
  expect(extra.length).toBeGreaterThan(0);
  expect(extra.every((l) => l.endsWith(':585051953') || l.endsWith(':585051954'))).toBe(true);
  // The second audit diffs against the first: what only the action ids kept away is new.
  expect(audit.diff.new.map(line).sort()).toEqual([...extra].sort());
});
