/**
 * Public surface of the contract language: format schemas and types, the lenient parser, the
 * linter (rules, config, context), reports, the docs renderer and the JSON Schema export.
 * Deep imports of the individual modules work too (and keep client bundles small).
 */
export * from './schema';
export type * from './draft';
export type * from './finding';
export { parseContract, type ParseOptions, type ParseResult } from './parse-contract';
export { lintContracts, summarize, type LintItem, type LintOptions, type LintResult, type LintSummary } from './lint/lint-contracts';
export type { LintContext } from './lint/lint-context';
export { lintConfigSchema, parseLintConfig, type LintConfig } from './lint/config';
export type { ContractRule, PortalRule, Rule, RuleMeta } from './lint/rule';
export { ALL_RULE_IDS, RULES } from './rules/registry';
export { REPORTS, type ReportFormat } from './reports/registry';
export type { ReportInput } from './reports/report';
export { renderContractDocs } from './docs/render-markdown';
export { renderMermaid } from './docs/render-mermaid';
export { contractJsonSchema } from './json-schema';
export { buildGraph, type ContractGraph } from './lint/graph';
