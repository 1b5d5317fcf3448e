/**
 * Turns zod issues into `schema` findings in plain words at JSON pointers, e.g.
 * "steps[2].wait: 'ten minutes' is not an ISO-8601 duration such as PT10M or P3D".
 * Unions are resolved by picking the option the input most plausibly meant (fewest missing and
 * unknown fields), so a bad operator inside a nested condition is reported where it is.
 */
import type { z } from 'zod';
import { closest } from './closest';
import { PROPERTY_OPERATORS, quoteValue } from './condition-schema';
import type { Finding } from './finding';
import { toDotted, toPointer, valueAt, type PointerSegment } from './json-pointer';

type Issue = z.core.$ZodIssue;

/** Field names of the strict objects (conditions, re-enrollment, lint config), for "did you mean". */
const STRICT_KEYS = [
  ...PROPERTY_OPERATORS,
  ...['property', 'stage', 'all', 'any', 'not', 'always', 'inContract', 'inLane', 'completed', 'within', 'exit', 'after'],
  ...['rules', 'stageOrders', 'severity', 'exceptions', 'contract', 'reason'],
];

/** Findings (rule `schema`, severity error) for `issues` of a value that sits at `base` in `root`. */
export function issuesToFindings(issues: readonly Issue[], root: unknown, base: readonly PointerSegment[]): Finding[] {
  const findings: Finding[] = [];
  for (const issue of issues) collect(issue, root, base, findings);
  return findings;
}

function collect(issue: Issue, root: unknown, base: readonly PointerSegment[], out: Finding[]): void {
  const segments = [...base, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  const pointer = toPointer(segments);
  const value = valueAt(root, pointer);
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const best = pickOption(issue.errors, root, segments);
    if (best) {
      for (const inner of best) collect(inner, root, segments, out);
      return;
    }
    out.push(schemaFinding(pointer, `${quoteValue(value)} does not match any allowed form here`));
    return;
  }
  if (issue.code === 'unrecognized_keys') {
    for (const key of issue.keys) {
      const keyPointer = toPointer([...segments, key]);
      const guess = closest(key, STRICT_KEYS);
      out.push(schemaFinding(keyPointer, guess ? `unknown field; did you mean '${guess}'?` : 'unknown field; remove it or check its spelling'));
    }
    return;
  }
  out.push(schemaFinding(pointer, describe(issue, value)));
}

/** The union option whose issues suggest it is what the author meant, or undefined if none fits. */
function pickOption(options: readonly Issue[][], root: unknown, at: readonly PointerSegment[]): Issue[] | undefined {
  let best: { issues: Issue[]; score: number } | undefined;
  for (const issues of options) {
    let misfit = 0;
    for (const issue of issues) {
      const value = valueAt(root, toPointer([...at, ...issue.path.map(String)]));
      if (issue.code === 'unrecognized_keys') misfit += issue.keys.length;
      else if (value === undefined && issue.path.length > 0) misfit += 1;
      else if (issue.code === 'invalid_type' && issue.path.length === 0) misfit += 2;
    }
    const score = misfit * 1000 + issues.length;
    if (!best || score < best.score) best = { issues, score };
  }
  // Every option misses its own marker key and has unknown ones: the value fits no form at all.
  if (best && best.score >= 2000) return undefined;
  return best?.issues;
}

function describe(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return 'is required';
      return `${quoteValue(value)} is not ${article(issue.expected)}`;
    case 'invalid_value':
      if (value === undefined) return `is required: one of ${issue.values.map((v) => quoteValue(v)).join(', ')}`;
      return issue.values.length === 1
        ? `${quoteValue(value)} must be ${quoteValue(issue.values[0])}`
        : `${quoteValue(value)} is not one of ${issue.values.map((v) => quoteValue(v)).join(', ')}`;
    case 'invalid_union':
      if ('options' in issue && Array.isArray(issue.options)) {
        return `${quoteValue(value)} is not one of ${issue.options.map((v: unknown) => quoteValue(v)).join(', ')}`;
      }
      return `${quoteValue(value)} does not match any allowed form here`;
    case 'too_small':
      if (!/^(Too small|Invalid)/.test(issue.message)) return issue.message;
      if (issue.origin === 'array' || issue.origin === 'string') return 'must not be empty';
      return `${quoteValue(value)} must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `${quoteValue(value)} must be at most ${String(issue.maximum)}`;
    case 'invalid_format':
      if (issue.format === 'url') return `${quoteValue(value)} is not an http(s) URL`;
      return `${quoteValue(value)} ${issue.message}`;
    case 'not_multiple_of':
      return `${quoteValue(value)} is not a multiple of ${String(issue.divisor)}`;
    case 'custom':
      return value !== null && typeof value === 'object' ? issue.message : `${quoteValue(value)} ${issue.message}`;
    default:
      return `${quoteValue(value)}: ${issue.message}`;
  }
}

function article(expected: string): string {
  if (expected === 'int') return 'a whole number';
  if (expected === 'array') return 'a list';
  if (expected === 'nan' || expected === 'null' || expected === 'undefined') return expected;
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/** A `schema` finding at `pointer`; the message starts with the dotted location. */
export function schemaFinding(pointer: string, detail: string): Finding {
  return { rule: 'schema', severity: 'error', path: pointer, message: `${toDotted(pointer)}: ${detail}` };
}
