/** Findings: what the parser and the linter report, and how bad it is. */

/** How bad a finding is. Only `error` blocks publishing (and fails `waymark lint`). */
export type Severity = 'error' | 'warning' | 'info';
/** Severities from worst to mildest (for sorting and summaries). */
export const SEVERITIES = ['error', 'warning', 'info'] as const satisfies readonly Severity[];

/**
 * One problem found in a contract or across a set of contracts.
 * `path` is an RFC 6901 JSON pointer into the contract (`""` for the whole contract).
 */
export type Finding = {
  /** Stable rule id (`schema`, `dead-end`, `internal-error`, …). */
  rule: string;
  severity: Severity;
  /** Key of the contract the finding is about (when known). */
  contract?: string;
  /** File the contract came from (filled in by the CLI). */
  file?: string;
  /** JSON pointer into the contract. */
  path: string;
  /** Plain words: what is wrong (and what would be right). */
  message: string;
  /** A suggested fix, when one is clear. */
  fix?: string;
  /** Set when configuration excepts this contract from the rule: the documented reason. */
  exception?: string;
};
