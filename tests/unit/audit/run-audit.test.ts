import { describe, expect, it } from 'vitest';
import { parseNativeFlow, runAudit, type AuditInput } from '../../../lib/audit';
import type { AuditRule } from '../../../lib/audit/audit-rule';
import { demoFlows } from '../../../lib/sandbox/seed/demo-flows';

const now = new Date('2026-12-01T12:00:00Z');
const flows = demoFlows(now.getTime()).map((raw) => {
  const parsed = parseNativeFlow(raw);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.flow;
});
const input: AuditInput = { portalId: '123', flows, contracts: [], stages: [], runtime: { contracts: {} } };

const noDescription: AuditRule = {
  id: 'test-no-description', title: 't', severity: 'warning', rationale: 'r', docs: 'd', scope: 'native',
  check: ({ input: { flows: all } }) =>
    all.filter((f) => !f.description).map((f) => ({ subject: { kind: 'workflow', id: f.id, name: f.name }, message: 'm', evidence: [], fix: 'f' })),
};
const broken: AuditRule = { ...noDescription, id: 'test-broken', check: () => { throw new Error('boom'); } };

describe('runAudit', () => {
  it('parses every seeded demo flow with the v4 flow schema', () => {
    expect(flows.map((f) => f.id)).toHaveLength(7);
    expect(flows[2]?.actions[0]?.listBranches).toHaveLength(2);
  });

  it('rejects a flow without an id, naming the field', () => {
    const bad = parseNativeFlow({ name: 'x', isEnabled: true, objectTypeId: '0-1' });
    expect(bad).toEqual({ ok: false, error: expect.stringContaining('id') });
  });

  it('reports stamped findings with fingerprints, scores and suppressions; a throwing rule becomes internal-error', () => {
    const report = runAudit(input, {
      now,
      suppressions: [{ rule: 'test-no-description', subjectId: '585051946', reason: 'known', by: 'ops@example.com' }],
    }, [noDescription, broken]);
    expect(report.auditedAt).toBe(now.toISOString());
    expect(report.findings[0]).toMatchObject({ rule: 'internal-error', severity: 'error', message: 'Rule test-broken failed: boom' });
    const suppressed = report.findings.find((f) => f.subject.id === '585051946');
    expect(suppressed).toMatchObject({ fingerprint: 'test-no-description:workflow:585051946', suppressed: { by: 'ops@example.com' } });
    const scores = Object.fromEntries(report.workflowScores.map((s) => [s.subject.id, s.score]));
    expect(scores['585051946']).toBe(100);
    expect(scores['585051947']).toBe(90);
    // 6 of 7 workflows at 90, one at 100, minus 25 for the portal-level error.
    expect(report.score).toBe(Math.round((6 * 90 + 100) / 7 - 25));
  });
});
