import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { lintContracts } from '../../../lib/contracts/lint/lint-contracts';
import { parseContract } from '../../../lib/contracts/parse-contract';
import { REPORTS } from '../../../lib/contracts/reports/registry';
import { RULES } from '../../../lib/contracts/rules/registry';
import { sourceLocator } from '../../../lib/contracts/source-location';
import { exampleObject, NOW, type EditableJson } from './contract-fixtures';

/** A broken no-show-rebook as JSON text and as YAML text. */
function brokenSources() {
  const object = exampleObject('no-show-rebook');
  object.steps[0].wait = 'ten minutes';
  // A catch-all arm instead of `else`: the path is intact, only the rule's requirement is broken.
  delete object.steps[3].else;
  object.steps[3].branch.push({ when: { always: true }, next: 'exit-silent' });
  object.exits[3].effects = [{ action: 'add_tag', with: { tag: 'rebook-silent' } }];
  return { json: JSON.stringify(object, null, 2), yaml: stringify(object) };
}

function reportInput(files: Record<string, string>) {
  const sources = new Map(Object.entries(files));
  const result = lintContracts([...sources].map(([file, text]) => ({ file, parsed: parseContract(text) })), { context: { now: NOW } });
  return { ...result, rules: RULES, sources };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle)) + 1;

describe('reports', () => {
  it('JSON has exactly the documented shape', () => {
    const input = reportInput({ 'contracts/rebook.json': brokenSources().json });
    const report = JSON.parse(REPORTS.json(input)) as { findings: Record<string, unknown>[]; summary: Record<string, number> };
    expect(Object.keys(report)).toEqual(['findings', 'summary']);
    expect(report.summary).toEqual({ contracts: 1, errors: 2, warnings: 0, infos: 0, excepted: 0 });
    expect(report.findings).toEqual([
      {
        rule: 'schema',
        severity: 'error',
        contract: 'no-show-rebook',
        file: 'contracts/rebook.json',
        path: '/steps/0/wait',
        message: "steps[0].wait: 'ten minutes' is not an ISO-8601 duration such as PT10M or P3D",
      },
      {
        rule: 'branch-without-else',
        severity: 'error',
        contract: 'no-show-rebook',
        file: 'contracts/rebook.json',
        path: '/steps/3/else',
        message: "step 'check-status' has no else: a record matching no arm has nowhere to go",
        fix: 'add "else" naming a step or exit',
      },
    ]);
  });

  for (const format of ['json', 'yaml'] as const) {
    it(`SARIF 2.1.0 puts results on the right lines of a ${format} file`, () => {
      const text = brokenSources()[format];
      const file = `contracts/rebook.${format}`;
      const sarif = JSON.parse(REPORTS.sarif(reportInput({ [file]: text }))) as EditableJson;
      expect(sarif.version).toBe('2.1.0');
      const run = sarif.runs[0];
      expect(run.tool.driver.name).toBe('waymark');
      expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
      const [schema, branch] = run.results;
      expect(schema.ruleId).toBe('schema');
      expect(schema.level).toBe('error');
      expect(schema.locations[0].physicalLocation.artifactLocation.uri).toBe(file);
      expect(schema.locations[0].physicalLocation.region.startLine).toBe(lineOf(text, 'ten minutes'));
      expect(branch.ruleId).toBe('branch-without-else');
      expect(branch.ruleIndex).toBe(RULES.findIndex((r) => r.id === 'branch-without-else'));
      // The missing `else` maps to the step that lacks it.
      const region = branch.locations[0].physicalLocation.region;
      const idLine = lineOf(text, format === 'json' ? '"id": "check-status"' : 'id: check-status');
      expect(region.startLine).toBeLessThanOrEqual(idLine);
      expect(region.startLine).toBeGreaterThanOrEqual(idLine - 1);
      expect(region.endLine).toBeGreaterThan(idLine);
    });
  }

  it('SARIF keeps relative paths relative and turns absolute ones into file URIs', () => {
    const sarif = JSON.parse(REPORTS.sarif(reportInput({ '/srv/repo/contracts/a b.json': brokenSources().json }))) as EditableJson;
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('file:///srv/repo/contracts/a%20b.json');
  });

  it('SARIF marks excepted findings as suppressed with the reason', () => {
    const input = reportInput({ 'a.json': brokenSources().json });
    const excepted = { ...input, findings: input.findings.map((f) => ({ ...f, exception: 'Known; fixed in the next release.' })) };
    const sarif = JSON.parse(REPORTS.sarif(excepted)) as EditableJson;
    expect(sarif.runs[0].results[0].suppressions).toEqual([{ kind: 'external', justification: 'Known; fixed in the next release.' }]);
  });

  it('text and Markdown name file, place, rule, message and the summary', () => {
    const input = reportInput({ 'rebook.json': brokenSources().json });
    const text = REPORTS.text(input);
    expect(text).toContain('rebook.json\n');
    expect(text).toMatch(/\d+:\d+\s+error\s+steps\[0\]\.wait: 'ten minutes'/);
    expect(text).toContain('[branch-without-else]');
    expect(text.trimEnd().split('\n').pop()).toBe('2 errors, 0 warnings, 0 infos in 1 contract');
    const markdown = REPORTS.markdown(input);
    expect(markdown).toContain('| error | [branch-without-else](lib/contracts/rules/README.md#branch-without-else) | no-show-rebook | rebook.json | `steps[3].else` |');
    expect(REPORTS.markdown({ ...input, findings: [], summary: { ...input.summary, errors: 0 } })).toContain('No findings.');
  });
});

describe('sourceLocator', () => {
  it('maps pointers to 1-based lines and columns, falling back to the nearest existing node', () => {
    const text = '{\n  "a": {\n    "b": [1, {"c": "x"}]\n  }\n}\n';
    const locate = sourceLocator(text);
    expect(locate('/a/b/1/c')).toMatchObject({ startLine: 3, startColumn: 20 });
    expect(locate('/a/b/1/missing')).toMatchObject({ startLine: 3, startColumn: 14 });
    expect(locate('')).toMatchObject({ startLine: 1, startColumn: 1 });
  });
});
