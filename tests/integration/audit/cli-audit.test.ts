// `waymark audit` against the app's real route modules (the CLI's AppApi calls
// them in-process), real Postgres, the sandbox and the worker's job registry with the real audit
// core: the worker runs while the CLI polls. The seeded demo portal has an error finding (exit 1)
// and is printed in every format; a suppressed error makes the exit 0.
import { runOnce } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppApi } from '../../../lib/cli/app-api';
import { runCli } from '../../../lib/cli/run-cli';
import { sharedPrisma } from '../../../lib/db/prisma';
import { parseEnv } from '../../../lib/env';
import { queueLogger } from '../../../lib/queue/queue-logger';
import { toTaskList } from '../../../lib/queue/worker';
import { auditCoreBinding } from '../../../lib/runtime/audit/audit-core-binding';
import { jobHandlers } from '../../../lib/runtime/jobs';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { memoryIo } from '../../unit/contracts/memory-io';
import { startAuditHarness, type AuditHarness } from './support/audit-harness';

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Module = { GET?: Handler; POST?: Handler };
let t: TestDatabase;
let h: AuditHarness;
const modules: Record<string, Module> = {};
const ROUTES: [RegExp, string][] = [
  [/^\/api\/audits\/draft$/, 'audits/draft/route'],
  [/^\/api\/audits\/suppressions$/, 'audits/suppressions/route'],
  [/^\/api\/audits\/([^/]+)\/export$/, 'audits/[id]/export/route'],
  [/^\/api\/audits\/([^/]+)$/, 'audits/[id]/route'],
  [/^\/api\/audits$/, 'audits/route'],
];

/** The CLI's API over the route modules; between polls the worker runs what is queued. */
const api: AppApi = {
  baseUrl: 'http://in-process',
  async request(method, path, _portal, body) {
    const url = new URL(path, 'http://localhost');
    const found = ROUTES.map(([re, file]) => [url.pathname.match(re), file] as const).find(([m]) => m);
    if (!found) return { status: 404, body: { error: `no route ${url.pathname}` } };
    const handlers = modules[found[1]]!;
    const response = await handlers[method]!(
      new Request(url, { method, headers: { 'content-type': 'application/json', 'x-waymark-actor': 'waymark-cli' }, body: body === undefined ? undefined : JSON.stringify(body) }),
      { params: Promise.resolve<Record<string, string>>(found[0]![1] ? { id: found[0]![1] } : {}) },
    );
    const text = await response.text();
    try {
      return { status: response.status, body: JSON.parse(text) };
    } catch {
      return { status: response.status, body: text };
    }
  },
  sleep: async () => {
    const audit = auditCoreBinding({ waymarkActions: parseEnv({}).hubspot.workflowActionIds });
    await runOnce({ connectionString: t.url, taskList: toTaskList(jobHandlers(h.deps, { audit })), logger: queueLogger('error'), concurrency: 1 });
  },
};

const cli = async (...args: string[]) => {
  const io = { ...memoryIo({}), api };
  const code = await runCli(args, io);
  return { code, out: io.out.join(''), err: io.err.join('') };
};

beforeAll(async () => {
  t = await createTestDatabase();
  process.env.DATABASE_URL = t.url;
  h = await startAuditHarness(t, auditCoreBinding());
  for (const [, file] of ROUTES) modules[file] = (await import(`../../../app/api/${file}`)) as Module;
});
afterAll(async () => {
  await h?.stop();
  await sharedPrisma(t.url).$disconnect();
  await t?.drop();
});

describe('waymark audit', () => {
  it('prints the issue\'s JSON with progress on stderr and exits 1 on the seeded error finding', async () => {
    const { code, out, err } = await cli('audit', '--portal', h.portal.toString(), '--format', 'json');
    expect(err).toMatch(/audit [0-9a-f-]+: queued/);
    const report = JSON.parse(out) as { portalId: string; score: number; findings: { rule: string; severity: string; subject: { kind: string; id: string } }[] };
    expect(Object.keys(report)).toEqual(['portalId', 'auditedAt', 'score', 'findings']);
    expect(report.portalId).toBe(h.portal.toString());
    expect(report.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.subject.id}`)).toEqual(['native-enrolment-without-conditions 585051947']);
    expect(code).toBe(1);
  });

  it.each([
    ['text', /Re-engage everyone/],
    ['markdown', /native-enrolment-without-conditions/],
    ['csv', /^rule,|,rule,/m],
    ['sarif', /"version": ?"2\.1\.0"/],
  ])('prints --format %s from the app\'s export', async (format, pattern) => {
    const { code, out } = await cli('audit', '--portal', h.portal.toString(), '--format', format);
    expect(out).toMatch(pattern);
    expect(code).toBe(1);
  });

  it('exits 0 once the only error finding is suppressed with a reason', async () => {
    const added = await api.request('POST', `/api/audits/suppressions?portalId=${h.portal}`, h.portal.toString(), {
      rule: 'native-enrolment-without-conditions', subject: { kind: 'workflow', id: '585051947' }, reason: 'Being retired this quarter',
    });
    expect(added.status).toBe(201);
    const { code, out } = await cli('audit', '--portal', h.portal.toString(), '--format', 'json');
    const suppressed = (JSON.parse(out) as { findings: { rule: string; suppressed?: { reason: string } }[] }).findings.find((f) => f.rule === 'native-enrolment-without-conditions');
    expect(suppressed?.suppressed?.reason).toBe('Being retired this quarter');
    expect(code).toBe(0);
  });

  it('refuses a bad portal id and a bad format as usage errors', async () => {
    expect((await cli('audit', '--portal', 'abc')).code).toBe(2);
    expect((await cli('audit', '--portal', '62515', '--format', 'pdf')).err).toContain('--format must be one of');
  });
});
