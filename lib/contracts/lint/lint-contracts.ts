/**
 * The linter: runs every rule of the registry over a set of parsed contracts (single-contract
 * rules per contract, portal rules once across the live ones), then applies configuration.
 * A rule that throws becomes an `internal-error` finding and the run goes on.
 */
import type { Finding, Severity } from '../finding';
import { isWithin } from '../json-pointer';
import type { ParseResult } from '../parse-contract';
import { RULES } from '../rules/registry';
import { ruleSetting, type LintConfig } from './config';
import { contractFacts } from './contract-facts';
import { buildGraph } from './graph';
import type { LintContext, ResolvedLintContext } from './lint-context';
import { buildPortalIndex, type PortalContract } from './portal-index';
import type { Rule, RuleFinding } from './rule';

/** One contract to lint. */
export type LintItem = {
  parsed: ParseResult;
  /** Where it came from (reports show it). */
  file?: string;
  /** Whether it is live (portal rules only consider live contracts). Default true. */
  live?: boolean;
};

/** Options of {@link lintContracts}. */
export type LintOptions = {
  context: LintContext;
  config?: LintConfig;
  /** The rules to run; the full registry by default. */
  rules?: readonly Rule[];
};

/** Counts for reports and exit codes (excepted findings are counted apart). */
export type LintSummary = { contracts: number; errors: number; warnings: number; infos: number; excepted: number };

/** The linter's result. */
export type LintResult = { findings: Finding[]; summary: LintSummary };

/** Lints a set of contracts together. Pure: no I/O, time comes from `options.context.now`. */
export function lintContracts(items: readonly LintItem[], options: LintOptions): LintResult {
  const rules = options.rules ?? RULES;
  const prepared = items.map((item) => {
    const draft = item.parsed.contract;
    return { item, draft, graph: draft && buildGraph(draft), facts: draft && contractFacts(draft) };
  });
  const stageOrders: Record<string, readonly string[]> = { ...options.config?.stageOrders };
  for (const { draft } of prepared) {
    const policy = draft?.stagePolicy;
    if (policy?.order && !stageOrders[policy.property]) stageOrders[policy.property] = policy.order;
  }
  Object.assign(stageOrders, options.context.stageOrders);
  const context: ResolvedLintContext = { ...options.context, stageOrders };

  const raw: { finding: Finding; item: LintItem | undefined }[] = [];
  const fileOfKey = new Map<string, LintItem>();
  const portal: PortalContract[] = [];
  const notLive = new Set<string>();
  const itemOfFile = new Map<string, LintItem>();
  for (const { item, draft, graph, facts } of prepared) {
    for (const finding of item.parsed.findings) raw.push({ finding: { ...finding }, item });
    if (item.file !== undefined) itemOfFile.set(item.file, item);
    if (!draft || !graph || !facts) continue;
    if (draft.key !== undefined && !fileOfKey.has(draft.key)) fileOfKey.set(draft.key, item);
    if (draft.key !== undefined && item.live === false) notLive.add(draft.key);
    if (draft.key !== undefined && item.live !== false) {
      portal.push({ key: draft.key, draft, graph, facts, ...(item.file !== undefined ? { file: item.file } : {}) });
    }
    for (const rule of rules) {
      if (rule.scope !== 'contract') continue;
      const found = safely(rule, () => rule.check({ contract: draft, graph, facts, context }), draft.key);
      for (const finding of found) raw.push({ finding, item });
    }
  }
  const index = buildPortalIndex(portal, notLive);
  for (const rule of rules) {
    if (rule.scope !== 'portal') continue;
    const found = safely(rule, () => rule.check({ index, context }), undefined);
    for (const finding of found) {
      const item = finding.file !== undefined ? itemOfFile.get(finding.file) : finding.contract ? fileOfKey.get(finding.contract) : undefined;
      raw.push({ finding, item });
    }
  }

  const findings: Finding[] = [];
  for (const { finding, item } of raw) {
    if (item?.file !== undefined) finding.file = item.file;
    if (finding.rule !== 'schema' && finding.rule !== 'internal-error' && overlapsSchemaFinding(finding, item)) continue;
    const setting = ruleSetting(options.config, finding.rule);
    if (setting.severity === 'off') continue;
    if (setting.severity) finding.severity = setting.severity;
    const reason = finding.contract === undefined ? undefined : setting.exceptions.get(finding.contract);
    if (reason !== undefined) finding.exception = reason;
    findings.push(finding);
  }
  return { findings, summary: summarize(findings, items.length) };
}

/** Rule findings at or around a bad value repeat what the `schema` finding says; drop them. */
function overlapsSchemaFinding(finding: Finding, item: LintItem | undefined): boolean {
  if (!item) return false;
  return item.parsed.findings.some(
    (s) => isWithin(finding.path, s.path) || (finding.path !== '' && isWithin(s.path, finding.path)),
  );
}

/** Runs one rule; a throw becomes a single `internal-error` finding so the other rules still run. */
function safely(rule: Rule, run: () => RuleFinding[], contract: string | undefined): Finding[] {
  let found: RuleFinding[];
  try {
    found = run();
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    const finding: Finding = {
      rule: 'internal-error',
      severity: 'error',
      path: '',
      message: `rule ${rule.id} failed (${detail}); the other rules still ran`,
    };
    if (contract !== undefined) finding.contract = contract;
    return [finding];
  }
  return found.map((f) => {
    const finding: Finding = { rule: rule.id, severity: rule.severity, path: f.path, message: f.message };
    const key = f.contract ?? contract;
    if (key !== undefined) finding.contract = key;
    if (f.fix !== undefined) finding.fix = f.fix;
    if (f.file !== undefined) finding.file = f.file;
    return finding;
  });
}

/** Counts findings by severity; excepted findings count only as excepted. */
export function summarize(findings: readonly Finding[], contracts: number): LintSummary {
  const count = (severity: Severity) => findings.filter((f) => f.exception === undefined && f.severity === severity).length;
  return {
    contracts,
    errors: count('error'),
    warnings: count('warning'),
    infos: count('info'),
    excepted: findings.filter((f) => f.exception !== undefined).length,
  };
}
