import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../../lib/cli/run-cli';
import { EXAMPLES, exampleObject, ruleFixture } from './contract-fixtures';
import { memoryIo } from './memory-io';

const examples = Object.fromEntries([...EXAMPLES].map(([name, text]) => [`contracts/${name}`, text]));

describe('waymark CLI', () => {
  it('lint: exit 0 and a clean report for the examples, found by walking a directory', () => {
    const io = memoryIo({ ...examples, 'contracts/waymark.config.json': '{}', 'contracts/README.md': '# not a contract' });
    expect(runCli(['lint', 'contracts', '--format', 'json'], io)).toBe(0);
    expect(io.err).toEqual([]);
    expect(JSON.parse(io.out.join(''))).toEqual({ findings: [], summary: { contracts: 3, errors: 0, warnings: 0, infos: 0, excepted: 0 } });
  });

  it('lint: exit 1 with an error finding, stdout is only the report', () => {
    const bad = Object.fromEntries([...ruleFixture('dead-end', 'violating')].map(([n, t]) => [`c/${n}`, t]));
    const io = memoryIo(bad);
    expect(runCli(['lint', 'c/contract.json', '--format=json'], io)).toBe(1);
    const report = JSON.parse(io.out.join('')) as { findings: { rule: string; file: string }[] };
    expect(report.findings.map((f) => f.rule)).toContain('dead-end');
    expect(report.findings.every((f) => f.file === 'c/contract.json')).toBe(true);
  });

  it('lint: reads YAML contracts and lints them with the JSON ones as one set', () => {
    const io = memoryIo({
      'a/new-lead-follow-up.yaml': stringify(exampleObject('new-lead-follow-up')),
      'a/no-show-rebook.yml': stringify(exampleObject('no-show-rebook')),
      'a/long-term-nurture.json': JSON.stringify(exampleObject('long-term-nurture')),
    });
    expect(runCli(['lint', 'a'], io)).toBe(0);
    expect(io.out.join('')).toBe('0 errors, 0 warnings, 0 infos in 3 contracts\n');
  });

  it('lint: exit 2 on unreadable input, with the reason on stderr', () => {
    const missing = memoryIo(examples);
    expect(runCli(['lint', 'contracts', 'nope.json'], missing)).toBe(2);
    expect(missing.err.join('')).toContain('cannot read nope.json');
    const garbage = memoryIo({ 'x.yaml': 'key: [unclosed' });
    expect(runCli(['lint', 'x.yaml'], garbage)).toBe(2);
    expect(garbage.err.join('')).toMatch(/cannot read x\.yaml: neither JSON nor YAML/);
    const badJson = memoryIo({ 'x.json': '{"contract": 1,' });
    expect(runCli(['lint', 'x.json'], badJson)).toBe(2);
  });

  it('lint: a directory that cannot be listed, or a failing write, is exit 2 with a message', () => {
    const io = memoryIo(examples);
    io.list = () => {
      throw new Error('EACCES: permission denied');
    };
    expect(runCli(['lint', 'contracts'], io)).toBe(2);
    expect(io.err.join('')).toContain('cannot read contracts: EACCES: permission denied');
    const docs = memoryIo(examples);
    docs.writeFile = () => {
      throw new Error('EROFS: read-only file system');
    };
    expect(runCli(['docs', 'contracts/no-show-rebook.json', '--out', 'site'], docs)).toBe(2);
    expect(docs.err.join('')).toContain('EROFS');
  });

  it('lint: applies --config (severity and exceptions with reasons) and refuses a bad config', () => {
    const files = Object.fromEntries([...ruleFixture('stale-docs', 'violating')].map(([n, t]) => [`c/${n}`, t]));
    const strict = memoryIo({ ...files, 'strict.json': JSON.stringify({ rules: { 'stale-docs': 'error' } }) });
    expect(runCli(['lint', 'c', '--config', 'strict.json'], strict)).toBe(1);
    const excepted = memoryIo({
      ...files,
      'waymark.config.json': JSON.stringify({ rules: { 'stale-docs': { severity: 'error', exceptions: [{ contract: 'fixture-base', reason: 'Sunset in Q1.' }] } } }),
    });
    expect(runCli(['lint', 'c', '--format', 'markdown'], excepted)).toBe(0);
    expect(excepted.out.join('')).toContain('excepted: Sunset in Q1.');
    const bad = memoryIo({ ...files, 'bad.json': JSON.stringify({ rules: { 'no-such-rule': 'off' } }) });
    expect(runCli(['lint', 'c', '--config', 'bad.json'], bad)).toBe(2);
    expect(bad.err.join('')).toContain('rules.no-such-rule: no rule has this id');
  });

  it('lint: SARIF output names the rules and the files', () => {
    const io = memoryIo(examples);
    expect(runCli(['lint', 'contracts', '--format', 'sarif'], io)).toBe(0);
    const sarif = JSON.parse(io.out.join('')) as { version: string; runs: { results: unknown[] }[] };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0]?.results).toEqual([]);
  });

  it('docs: prints the page, or writes <key>.md with --out', () => {
    const io = memoryIo(examples);
    expect(runCli(['docs', 'contracts/no-show-rebook.json'], io)).toBe(0);
    expect(io.out.join('')).toContain('# No-show rebooking (`no-show-rebook`)');
    const out = memoryIo(examples);
    expect(runCli(['docs', 'contracts/no-show-rebook.json', '--out', 'site/'], out)).toBe(0);
    expect(out.out).toEqual([]);
    expect(out.files.get('site/no-show-rebook.md')).toContain('```mermaid');
    expect(runCli(['docs', 'missing.json'], memoryIo({}))).toBe(2);
  });

  it('schema: prints the JSON Schema of the format', () => {
    const io = memoryIo({});
    expect(runCli(['schema'], io)).toBe(0);
    const schema = JSON.parse(io.out.join('')) as { $schema: string; required: string[]; properties: Record<string, unknown> };
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.required).toEqual(['contract', 'key', 'name', 'object', 'docs', 'trigger', 'entry', 'steps', 'exits']);
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['goals', 'stagePolicy', 'limits']));
  });

  it('usage errors and unknown commands exit 2 with help on stderr', () => {
    for (const argv of [[], ['frobnicate'], ['lint'], ['lint', 'x', '--format', 'xml'], ['lint', 'x', '--verbose', '1'], ['schema', 'extra']]) {
      const io = memoryIo({ x: '{}' });
      expect(runCli(argv, io), argv.join(' ')).toBe(2);
      expect(io.out, argv.join(' ')).toEqual([]);
      expect(io.err.join('').length).toBeGreaterThan(0);
    }
    const help = memoryIo({});
    expect(runCli(['--help'], help)).toBe(0);
    expect(help.out.join('')).toContain('waymark lint <files or dirs...>');
  });
});
