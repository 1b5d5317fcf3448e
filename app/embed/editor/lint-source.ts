/**
 * Lints the editor's source in the browser with the same pure linter the CLI and the publish
 * use-case run: the contract being edited together with the portal's other live contracts (so
 * portal-level findings show before publishing). Deep imports keep the client bundle small.
 */
import type { Finding } from '@/lib/contracts/finding';
import { lintContracts, type LintItem } from '@/lib/contracts/lint/lint-contracts';
import { parseContract, type ParseResult } from '@/lib/contracts/parse-contract';
import { RULES } from '@/lib/contracts/rules/registry';

const PORTAL_RULES = new Set<string>(RULES.filter((r) => r.scope === 'portal').map((r) => r.id));

export type SourceLint = {
  parsed: ParseResult;
  /** Findings about the contract being edited (its own and portal-level ones naming it). */
  mine: Finding[];
  /** The subset of `mine` from portal rules (this contract against the other live ones). */
  portal: Finding[];
  errors: number;
  ms: number;
};

export function lintSource(text: string, others: readonly unknown[], stageOrders: Record<string, readonly string[]>, now: Date): SourceLint {
  const started = performance.now();
  const parsed = parseContract(text);
  const key = parsed.contract?.key;
  const items: LintItem[] = [{ parsed, file: 'editor' }, ...others.map((c) => ({ parsed: parseContract(c) }))];
  const { findings } = lintContracts(items, { context: { now, stageOrders } });
  const unreadable: Finding[] = parsed.unreadable
    ? [{ rule: 'schema', severity: 'error', path: '', message: `The source is neither JSON nor YAML: ${parsed.unreadable}`, fix: 'Fix the syntax error' }]
    : [];
  const about = findings.filter((f) => f.file === 'editor' || (key !== undefined && f.contract === key));
  const mine = [...unreadable, ...about];
  const portal = about.filter((f) => PORTAL_RULES.has(f.rule));
  const errors = mine.filter((f) => f.severity === 'error' && !f.exception).length;
  return { parsed, mine, portal, errors, ms: performance.now() - started };
}
