// The audit page's pure helpers: findings grouped severity → rule → subject, and a stage map
// drawn as Mermaid that Mermaid's own parser accepts (an ambiguous stage is marked as such).
import { describe, expect, it } from 'vitest';
import { findingsOf, groupFindings } from '../../../app/embed/audit/report-shape';
import { stageMapSource } from '../../../app/embed/audit/stage-map-source';
import { mermaidParse } from '../contracts/mermaid-parser';

describe('findings', () => {
  it('groups by severity (errors first), then rule, then subject; malformed entries are read defensively', () => {
    const findings = findingsOf({
      findings: [
        { rule: 'native-no-description', severity: 'warning', subject: { kind: 'workflow', id: '2', name: 'B' }, message: 'm1' },
        { rule: 'contradictory-writes', severity: 'error', subject: { kind: 'workflow', id: '1', name: 'A' }, message: 'm2', fix: 'f' },
        { rule: 'native-no-description', severity: 'warning', subject: { kind: 'workflow', id: '1', name: 'A' }, message: 'm3' },
        { rule: 'x', severity: 'bogus', message: 'm4' },
        'not a finding',
      ],
    });
    const groups = groupFindings(findings);
    expect(groups.map((g) => g.severity)).toEqual(['error', 'warning', 'info']);
    expect(groups[1]!.rules[0]!.subjects.map((s) => s.subject.name)).toEqual(['A', 'B']);
    expect(groups[2]!.rules[0]!.subjects[0]!.subject).toEqual({ kind: 'portal', id: '' });
  });
});

describe('stage map', () => {
  it('draws each stage property in order with its owners, as Mermaid accepts', async () => {
    const source = stageMapSource([
      { property: 'hs_lead_status', stages: [
        { value: 'OPEN', into: [{ kind: 'workflow', id: '1', name: 'New lead welcome' }] },
        { value: 'IN_PROGRESS', into: [{ kind: 'workflow', id: '5', name: 'Lead status: working' }, { kind: 'contract', id: 'c', name: 'no-show-rebook' }] },
        { value: 'CONNECTED', label: 'Connected "yes"', into: [] },
      ] },
    ])!;
    expect(source).toContain('class s_0_1 ambiguous');
    expect(source).toContain('class s_0_2 ambiguous');
    expect(source).toContain('class s_0_0 stage');
    const parse = await mermaidParse();
    await expect(parse(source)).resolves.toBeTruthy();
  });

  it('is null when nothing writes a stage', () => {
    expect(stageMapSource(undefined)).toBeNull();
    expect(stageMapSource([{ property: 'p', stages: [] }])).toBeNull();
  });
});
