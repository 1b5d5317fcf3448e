import type { Log } from 'sarif';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, formatReport, runAudit } from '../../../lib/audit';
import { demoFlows } from '../../../lib/sandbox/seed/demo-flows';
import { NOW, auditInput } from './audit-fixtures';

// The demo portal, one workflow renamed with everything a CSV or Markdown export must survive.
const HOSTILE = '=HYPERLINK("x"), "quoted"\nsecond line';
const flows = demoFlows(NOW.getTime()).map((f) => (f.id === '585051947' ? { ...f, name: HOSTILE } : f));
const report = runAudit(auditInput({ rawFlows: flows }), {
  now: NOW, suppressions: [{ rule: 'native-no-description', subjectId: '585051950', reason: 'Self-explanatory', by: 'ops@example.com' }],
});
const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** RFC 4180 reader, to check the export parses back into the same fields. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  return rows;
}

describe('formatReport', () => {
  it('has findings of every severity to group', () => {
    expect(new Set(report.findings.map((f) => f.severity))).toEqual(new Set(['error', 'warning', 'info']));
  });

  it('sarif: a 2.1.0 log whose driver lists the rules and whose results name the subject as a logical location', () => {
    const log = JSON.parse(formatReport(report, 'sarif')) as Log;
    expect(log.version).toBe('2.1.0');
    const [run] = log.runs;
    const rules = run?.tool.driver.rules ?? [];
    expect(rules.map((r) => r.id).sort()).toEqual([...new Set(report.findings.map((f) => f.rule))].sort());
    expect(rules.find((r) => r.id === 'native-no-description')).toMatchObject({ name: 'No description', defaultConfiguration: { level: 'note' }, help: { text: expect.any(String) } });
    expect(run?.results).toHaveLength(report.findings.length);
    for (const result of run?.results ?? []) {
      expect(rules[result.ruleIndex ?? -1]?.id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text).toBeTruthy();
      expect(result.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName).toMatch(/^(workflow|contract|stage|run|portal)\//);
    }
    const hostile = run?.results?.find((r) => r.locations?.[0]?.logicalLocations?.[0]?.fullyQualifiedName === 'workflow/585051947');
    expect(hostile).toMatchObject({ level: 'error', locations: [{ logicalLocations: [{ name: HOSTILE, kind: 'workflow' }] }] });
    const suppressed = run?.results?.find((r) => r.partialFingerprints?.waymarkFingerprint === 'native-no-description:workflow:585051950');
    expect(suppressed?.suppressions).toEqual([{ kind: 'external', status: 'accepted', justification: 'Self-explanatory (ops@example.com)' }]);
    // Grouped: levels never get milder-then-worse.
    const levels = (run?.results ?? []).map((r) => ({ error: 0, warning: 1, note: 2 })[r.level as 'error']);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
  });

  it('csv: a header and one row per finding that parse back, quoted and formula-safe, grouped by severity then rule', () => {
    const rows = parseCsv(formatReport(report, 'csv'));
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    const body = rows.slice(1).map((r) => Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, r[i]])));
    expect(body).toHaveLength(report.findings.length);
    expect(rows.every((r) => r.length === CSV_COLUMNS.length)).toBe(true);
    const hostile = body.filter((r) => r.subject_id === '585051947');
    expect(hostile.length).toBeGreaterThan(0);
    expect(hostile.every((r) => r.subject_name === `'${HOSTILE}`)).toBe(true);
    expect(body.find((r) => r.subject_id === '585051950' && r.rule === 'native-no-description')).toMatchObject({ suppressed_by: 'ops@example.com', suppressed_reason: 'Self-explanatory' });
    const order = body.map((r) => `${SEVERITY_RANK[r.severity as 'error']}:${r.rule}`);
    expect(order).toEqual([...order].sort());
  });

  it('text and markdown: severity sections then rule headings, each finding with evidence and fix', () => {
    const text = formatReport(report, 'text');
    expect(text).toContain(`Waymark audit of portal 123 at ${NOW.toISOString()}`);
    expect(text.indexOf('ERRORS')).toBeLessThan(text.indexOf('WARNINGS'));
    expect(text).toMatch(/native-branch-without-default: .+\(1\)\n {2}- workflow "Route MQLs by company size" \(585051948\): /);
    expect(text).toContain('[suppressed by ops@example.com: Self-explanatory]');
    const markdown = formatReport(report, 'markdown');
    expect(markdown.indexOf('## Errors')).toBeLessThan(markdown.indexOf('## Warnings'));
    expect(markdown).toContain('### No description (`native-no-description`)');
    expect(markdown).toMatch(/- \*\*Route MQLs by company size\*\* \(workflow 585051948\): .+\n {2}- Evidence: /);
    // The hostile name stays one escaped line: no link, no second line.
    expect(markdown).toContain('=HYPERLINK\\("x"\\), "quoted" second line');
  });

  it('an empty report says so in every readable format', () => {
    const empty = { ...report, findings: [] };
    expect(formatReport(empty, 'text')).toContain('No findings.');
    expect(formatReport(empty, 'markdown')).toContain('No findings.');
    expect(parseCsv(formatReport(empty, 'csv'))).toEqual([[...CSV_COLUMNS]]);
    expect((JSON.parse(formatReport(empty, 'sarif')) as Log).runs[0]?.results).toEqual([]);
  });
});
