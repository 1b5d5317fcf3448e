/** The editor's source views and in-browser lint: JSON ⇄ YAML is lossless, and lint sees what the CLI linter sees, fast. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lintSource } from '../../../app/embed/editor/lint-source';
import { diagramSource, markedSteps } from '../../../app/embed/editor/path-diagram';
import { convertSource, renderSource } from '../../../app/embed/editor/source-format';

const EXAMPLES = ['new-lead-follow-up', 'no-show-rebook', 'long-term-nurture'] as const;
const example = (key: string) => JSON.parse(readFileSync(`lib/demo/contracts/${key}.json`, 'utf8')) as Record<string, unknown>;
const NOW = new Date('2026-12-06T12:00:00Z');
/** The other examples, live beside the edited one (they hand off to each other). */
const othersOf = (key: string) => EXAMPLES.filter((k) => k !== key).map(example);

describe('JSON and YAML views', () => {
  it.each(EXAMPLES)('%s survives JSON → YAML → JSON unchanged', (key) => {
    const json = renderSource(example(key), 'json');
    const yaml = convertSource(json, 'yaml')!;
    expect(yaml).not.toContain('{');
    expect(JSON.parse(convertSource(yaml, 'json')!)).toEqual(example(key));
  });
  it('refuses to convert text that does not parse', () => {
    expect(convertSource('{ "key": ', 'yaml')).toBeUndefined();
  });
});

describe('lint as you type', () => {
  it.each(EXAMPLES)('%s has no error and lints in under 100 ms', (key) => {
    lintSource(renderSource(example(key), 'json'), othersOf(key), {}, NOW); // warm-up: zod compiles schemas on first use
    const result = lintSource(renderSource(example(key), 'json'), othersOf(key), {}, NOW);
    expect(result.errors).toBe(0);
    expect(result.ms).toBeLessThan(100);
  });
  it('a branch without else is an error pointing into that step, and the diagram marks it', () => {
    const contract = example('new-lead-follow-up');
    const steps = contract.steps as Record<string, unknown>[];
    const index = steps.findIndex((s) => 'branch' in s);
    expect(index).toBeGreaterThanOrEqual(0);
    delete steps[index]!.else;
    const result = lintSource(JSON.stringify(contract), othersOf('new-lead-follow-up'), {}, NOW);
    expect(result.errors).toBeGreaterThan(0);
    const finding = result.mine.find((f) => f.path.startsWith(`/steps/${index}`) && f.severity === 'error');
    expect(finding).toBeDefined();
    expect(markedSteps(result.mine)).toContain(index);
    expect(diagramSource(result.parsed.contract!, result.mine)).toContain(`class n${index}`);
  });
  it('unreadable text is one error finding', () => {
    const result = lintSource('{ "key": ', [], {}, NOW);
    expect(result.errors).toBeGreaterThan(0);
  });
  it('portal-level findings are checked against the other live contracts', () => {
    const mine = example('new-lead-follow-up');
    // It hands off to long-term-nurture: fine while that one is live, an error when it is not.
    const alone = lintSource(JSON.stringify(mine), [], {}, NOW);
    expect(alone.portal.map((f) => f.rule)).toContain('handoff-to-unknown');
    expect(alone.errors).toBeGreaterThan(0);
    expect(lintSource(JSON.stringify(mine), othersOf('new-lead-follow-up'), {}, NOW).portal).toEqual([]);
  });
});
