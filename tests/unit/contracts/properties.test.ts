import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderContractDocs } from '../../../lib/contracts/docs/render-markdown';
import { lintContracts } from '../../../lib/contracts/lint/lint-contracts';
import { parseContract } from '../../../lib/contracts/parse-contract';
import { REPORTS } from '../../../lib/contracts/reports/registry';
import { RULES } from '../../../lib/contracts/rules/registry';
import { exampleObject, NOW, type EditableJson } from './contract-fixtures';
import { mermaidParse } from './mermaid-parser';

type Path = (string | number)[];
const NAMES = ['long-term-nurture', 'new-lead-follow-up', 'no-show-rebook'] as const;

/** Every path into a JSON value (the root excluded). */
function paths(value: unknown, prefix: Path = []): Path[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => [[...prefix, i], ...paths(v, [...prefix, i])]);
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...paths(v, [...prefix, k])]);
  return [];
}

/** Values that look like contract parts, so mutations often stay plausible (and reach deep rules). */
const plausible = fc.oneof(
  fc.constantFrom('exit-booked', 'pause', 'check-status', 'monthly-wait', 'qualify', 'nope', 'preempted', 'long-term-nurture', 'no-show-rebook'),
  fc.constantFrom('P3D', 'PT10M', 'ten minutes', 'send_email', 'notify', 'start_contract', 'set_stage', 'lead', 'customer', 'failure', 'handoff'),
  fc.constantFrom({ always: true }, { property: 'x', eq: 1 }, { not: { inContract: 'any' } }, { stage: { gte: 'lead' } }, [], {}, null),
  fc.jsonValue({ maxDepth: 2 }),
);

const mutation = fc.record({ pick: fc.nat(), kind: fc.constantFrom('delete', 'replace', 'duplicate', 'swap-with-step'), value: plausible });
type Mutation = { pick: number; kind: 'delete' | 'replace' | 'duplicate' | 'swap-with-step'; value: unknown };

function mutate(contract: EditableJson, mutations: Mutation[]): EditableJson {
  const copy = structuredClone(contract) as EditableJson;
  for (const m of mutations) {
    const all = paths(copy);
    if (all.length === 0) break;
    const path = all[m.pick % all.length] as Path;
    const parent = path.slice(0, -1).reduce((node: EditableJson, key) => node[key], copy);
    const key = path[path.length - 1] as string | number;
    if (m.kind === 'delete') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.kind === 'duplicate' && Array.isArray(parent)) {
      parent.push(structuredClone(parent[key as number]));
    } else if (m.kind === 'swap-with-step' && Array.isArray(copy.steps) && copy.steps.length > 0) {
      parent[key] = structuredClone(copy.steps[m.pick % copy.steps.length]);
    } else {
      parent[key] = structuredClone(m.value);
    }
  }
  return copy;
}

const mutated = fc
  .record({ name: fc.constantFrom(...NAMES), mutations: fc.array(mutation, { minLength: 1, maxLength: 6 }) })
  .map(({ name, mutations }) => ({ name, contract: mutate(exampleObject(name), mutations) }));

function lintWithOthers(name: string, contract: EditableJson) {
  const items = NAMES.map((other) => ({ file: `${other}.json`, parsed: parseContract(other === name ? contract : exampleObject(other)) }));
  return { items, result: lintContracts(items, { context: { now: NOW } }) };
}

describe('property: random mutations of valid contracts', () => {
  it('never crash the parser, the linter (no internal-error), the reports or the docs renderer', () => {
    fc.assert(
      fc.property(mutated, ({ name, contract }) => {
        const { items, result } = lintWithOthers(name, contract);
        expect(result.findings.filter((f) => f.rule === 'internal-error')).toEqual([]);
        for (const finding of result.findings) {
          expect(finding.path === '' || finding.path.startsWith('/')).toBe(true);
          expect(finding.message.trim().length).toBeGreaterThan(0);
        }
        const sources = new Map(items.map((i) => [i.file, JSON.stringify(i.parsed.data ?? null, null, 2)]));
        for (const render of Object.values(REPORTS)) render({ findings: result.findings, summary: result.summary, rules: RULES, sources });
        const draft = items.find((i) => i.file === `${name}.json`)?.parsed.contract;
        if (draft) expect(renderContractDocs(draft)).toContain('```mermaid');
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('a contract with no error finding is always a complete contract the runtime can execute', () => {
    let withoutErrors = 0;
    fc.assert(
      fc.property(mutated, ({ name, contract }) => {
        const { items, result } = lintWithOthers(name, contract);
        const file = `${name}.json`;
        const errors = result.findings.filter((f) => f.file === file && f.severity === 'error');
        if (errors.length === 0) {
          withoutErrors++;
          expect(items.find((i) => i.file === file)?.parsed.complete).toBeDefined();
        }
      }),
      { numRuns: 300 },
    );
    // Some mutations (notes, messages, extra fields…) keep a contract valid: the property was exercised.
    expect(withoutErrors).toBeGreaterThan(0);
  });

  it('keep rendering flowcharts that the Mermaid parser accepts', async () => {
    const parse = await mermaidParse();
    await fc.assert(
      fc.asyncProperty(mutated, async ({ contract }) => {
        const draft = parseContract(contract).contract;
        if (!draft) return;
        const chart = /```mermaid\n([\s\S]*?)```/.exec(renderContractDocs(draft))?.[1] ?? '';
        await expect(parse(chart)).resolves.toBeDefined();
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});

describe('property: arbitrary input', () => {
  it('parseContract never throws on any text or JSON value', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.jsonValue()), (input) => {
        const result = parseContract(input);
        expect(Array.isArray(result.findings)).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
