import { describe, expect, it } from 'vitest';
import { diffReports, parseStoredReport, runAudit, type AuditReport } from '../../../lib/audit';
import { demoFlows } from '../../../lib/sandbox/seed/demo-flows';
import { NOW, auditInput } from './audit-fixtures';

const LATER = new Date(NOW.getTime() + 86_400_000);
const audit = (flows: Record<string, unknown>[], now: Date) => runAudit(auditInput({ rawFlows: flows }), { now });
/** What a report looks like once it has been stored as JSON and read back. */
const stored = (report: AuditReport) => parseStoredReport(JSON.parse(JSON.stringify(report)));
const prints = (findings: { fingerprint?: string }[]) => findings.map((f) => f.fingerprint).sort();

describe('diffReports', () => {
  const before = demoFlows(NOW.getTime());
  // Between the audits, someone gives "Route MQLs by company size" a description and a default branch.
  const fixed = before.map((f) => f.id !== '585051948' ? f : {
    ...f, description: 'Routes new MQLs to the right sales team',
    actions: (f.actions as Record<string, unknown>[]).map((a) => a.type === 'LIST_BRANCH' ? { ...a, defaultBranch: { edgeType: 'STANDARD', nextActionId: '3' }, defaultBranchName: 'Everyone else' } : a),
  });
  const first = audit(before, NOW);
  const second = audit(fixed, LATER);

  it('the first audit of a portal: everything is new', () => {
    const diff = diffReports(null, first);
    expect(diff.previousAuditedAt).toBeNull();
    expect(diff.new).toHaveLength(first.findings.length);
    expect(diff.fixed).toEqual([]);
    expect(diff.stillOpen).toEqual([]);
  });

  it('across two audits with a fix in between: the fixed findings are fixed, the rest still open, none new', () => {
    expect(prints(first.findings)).toEqual(expect.arrayContaining([
      'native-branch-without-default:workflow:585051948:1', 'native-no-description:workflow:585051948',
    ]));
    const diff = diffReports(stored(first), stored(second));
    expect(diff.previousAuditedAt).toBe(NOW.toISOString());
    expect(prints(diff.fixed)).toEqual(['native-branch-without-default:workflow:585051948:1', 'native-no-description:workflow:585051948']);
    expect(diff.new).toEqual([]);
    expect(prints(diff.stillOpen)).toEqual(prints(second.findings));
    expect(diff.stillOpen.length).toBe(first.findings.length - 2);
  });

  it('a regression shows as new; a finding stored without a fingerprint still matches by rule and subject', () => {
    const diff = diffReports(stored(second), stored(first));
    expect(prints(diff.new)).toEqual(['native-branch-without-default:workflow:585051948:1', 'native-no-description:workflow:585051948']);
    const legacy = { ...first, findings: first.findings.filter((f) => f.rule === 'native-no-description').map(({ fingerprint: _omit, ...f }) => f) };
    const current = { ...first, findings: first.findings.filter((f) => f.rule === 'native-no-description') };
    expect(diffReports(legacy, current)).toMatchObject({ new: [], fixed: [] });
  });

  it('a stored report that is not a report is refused, naming the field', () => {
    expect(() => parseStoredReport({ portalId: '1', auditedAt: 'x', score: 1, findings: [{ rule: 'r', severity: 'fatal' }] })).toThrow(/findings\.0\.severity/);
  });
});
