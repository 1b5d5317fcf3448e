/**
 * Parse entry point: contract source (JSON or YAML text, or an already parsed value) → a lenient
 * draft for the linter and editor, the complete `Contract` when the shape is complete and valid,
 * and `schema` findings. Only text that is neither JSON nor YAML is unreadable.
 */
import { parse as parseYaml } from 'yaml';
import type { ContractDraft } from './draft';
import type { Finding } from './finding';
import { readDraft } from './read-draft';
import { contractSchema, type Contract } from './schema';
import { MAX_JSON_DEPTH, nestsDeeperThan } from '../schema/json-depth';
import { escapeUnsafeText, findUnsafeText } from '../schema/safe-string';
import { schemaFinding } from './zod-issues';

/** Options for {@link parseContract}. */
export type ParseOptions = {
  /** How to read string input: `auto` (default) tries JSON, then YAML. */
  format?: 'auto' | 'json' | 'yaml';
};

/** The result of {@link parseContract}. */
export type ParseResult = {
  /** The lenient draft, or `undefined` when the input is unreadable or not an object. */
  contract: ContractDraft | undefined;
  /** The complete, shape-valid contract the runtime can execute, when the input is one. */
  complete: Contract | undefined;
  /** `schema` findings (values of the wrong shape, required fields no lint rule covers). */
  findings: Finding[];
  /** The parsed JSON value (what JSON pointers in findings point into). */
  data: unknown;
  /** Set when the text is neither JSON nor YAML: why it could not be read. */
  unreadable?: string;
};

/** Parses a contract from JSON/YAML text or from an already parsed value. Never throws. */
export function parseContract(source: string | unknown, options: ParseOptions = {}): ParseResult {
  let data: unknown = source;
  if (typeof source === 'string') {
    const read = readText(source, options.format ?? 'auto');
    if ('error' in read) return { contract: undefined, complete: undefined, findings: [], data: undefined, unreadable: read.error };
    data = read.data;
  }
  // The reader and zod's recursive condition schemas would overflow the stack on absurd nesting.
  if (nestsDeeperThan(data)) return { contract: undefined, complete: undefined, findings: [], data: undefined, unreadable: `nests more than ${MAX_JSON_DEPTH} levels deep` };
  const findings: Finding[] = [];
  const contract = readDraft(data, findings);
  // Text PostgreSQL cannot store (a YAML "\0" escape, a lone surrogate) anywhere, extra fields
  // and keys included: a contract holding it can never be stored, so it is a schema error.
  const unsafe = findUnsafeText(data);
  if (unsafe) findings.push(schemaFinding(escapeUnsafeText(unsafe.path.map((p) => `/${String(p).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')), unsafe.reason));
  const key = contract?.key;
  if (key !== undefined) for (const finding of findings) finding.contract = key;
  // The strict parse is only needed by callers that execute the contract, so it runs on first
  // access (the linter never asks; linting a thousand contracts stays fast).
  let complete: { value: Contract | undefined } | undefined;
  return {
    contract,
    findings,
    data,
    get complete() {
      if (!complete) {
        const parsed = findings.length === 0 ? contractSchema.safeParse(data) : undefined;
        complete = { value: parsed?.success ? parsed.data : undefined };
      }
      return complete.value;
    },
  };
}

function readText(raw: string, format: 'auto' | 'json' | 'yaml'): { data: unknown } | { error: string } {
  // Editors on Windows often save UTF-8 with a byte-order mark, which JSON.parse refuses.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (format !== 'yaml') {
    try {
      return { data: JSON.parse(text) as unknown };
    } catch (error) {
      if (format === 'json') return { error: `not valid JSON: ${(error as Error).message}` };
    }
  }
  try {
    // YAML 1.2 is a superset of JSON; unknown tags are read as plain values (no process warnings).
    return { data: parseYaml(text, { prettyErrors: false, uniqueKeys: true, logLevel: 'error' }) as unknown };
  } catch (error) {
    return { error: `neither JSON nor YAML: ${(error as Error).message.split('\n')[0] ?? 'parse error'}` };
  }
}
