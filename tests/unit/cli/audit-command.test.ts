// `waymark audit` / `waymark draft` over an in-memory app API: start, poll with progress on
// stderr, print the report; exit 1 with an error finding, 0 without, 2 when the app is unreachable.
import { describe, expect, it } from 'vitest';
import type { AppApi, AppApiResponse } from '../../../lib/cli/app-api';
import { runCli } from '../../../lib/cli/run-cli';
import { memoryIo } from '../contracts/memory-io';

function fakeApi(findings: { severity: string }[], calls: string[] = []): AppApi {
  let polls = 0;
  return {
    baseUrl: 'http://app.test',
    sleep: async () => undefined,
    async request(method, path): Promise<AppApiResponse> {
      calls.push(`${method} ${path}`);
      if (method === 'POST' && path.startsWith('/api/audits?')) return { status: 202, body: { auditId: 'a1', created: true } };
      if (path.startsWith('/api/audits/a1/export')) return { status: 200, body: '# Audit\n' };
      if (path.startsWith('/api/audits/a1')) {
        polls += 1;
        if (polls < 3) return { status: 200, body: { id: 'a1', status: 'running', progress: { total: 7, read: polls * 3, checked: 0 }, error: null, report: null } };
        return { status: 200, body: { id: 'a1', status: 'done', progress: { total: 7, read: 7, checked: 7 }, error: null, report: { portalId: '62515', auditedAt: '2026-12-06T00:00:00.000Z', score: 71, findings, extra: 1 } } };
      }
      if (path.startsWith('/api/audits/draft')) return { status: 200, body: { draft: { key: 'x' }, yaml: 'key: x\n', openFindings: [{ rule: 'exit-missing', message: 'declare exits' }] } };
      return { status: 404, body: { error: 'no' } };
    },
  };
}

describe('waymark audit', () => {
  it('prints the JSON report (the issue\'s shape) and exits 1 on an error finding', async () => {
    const io = { ...memoryIo({}), api: fakeApi([{ severity: 'error' }, { severity: 'warning' }]) };
    expect(await runCli(['audit', '--portal', '62515', '--format', 'json'], io)).toBe(1);
    expect(JSON.parse(io.out.join(''))).toEqual({ portalId: '62515', auditedAt: '2026-12-06T00:00:00.000Z', score: 71, findings: [{ severity: 'error' }, { severity: 'warning' }] });
    expect(io.err.join('')).toContain('workflows read 3/7');
  });

  it('prints an export format from the app and exits 0 without error findings', async () => {
    const calls: string[] = [];
    const io = { ...memoryIo({}), api: fakeApi([{ severity: 'warning' }], calls) };
    expect(await runCli(['audit', '--portal', '62515', '--format', 'markdown'], io)).toBe(0);
    expect(io.out.join('')).toBe('# Audit\n');
    expect(calls.at(-1)).toBe('GET /api/audits/a1/export?portalId=62515&format=markdown');
  });

  it('exits 2 with a message when the app cannot be reached or the usage is wrong', async () => {
    const down: AppApi = { baseUrl: 'http://app.test', sleep: async () => undefined, request: () => Promise.reject(new Error('ECONNREFUSED')) };
    const io = { ...memoryIo({}), api: down };
    expect(await runCli(['audit', '--portal', '62515'], io)).toBe(2);
    expect(io.err.join('')).toContain('is `npm run dev` running?');
    const bad = { ...memoryIo({}), api: down };
    expect(await runCli(['audit', '--format', 'xml'], bad)).toBe(2);
    expect(bad.err.join('')).toContain('--portal <id> is required');
  });
});

describe('waymark draft', () => {
  it('prints the draft as YAML and its open findings on stderr', async () => {
    const io = { ...memoryIo({}), api: fakeApi([]) };
    expect(await runCli(['draft', '--portal', '62515', '--workflow', '585051947'], io)).toBe(0);
    expect(io.out.join('')).toBe('key: x\n');
    expect(io.err.join('')).toContain('open: exit-missing: declare exits');
  });
});
