/**
 * Public surface of the contract format: schemas and types, the lenient parser, findings.
 * The linter, reports and docs renderer have their own entry points (lint.ts, reports/, docs/).
 */
export * from './schema';
export type * from './draft';
export type * from './finding';
export { parseContract, type ParseOptions, type ParseResult } from './parse-contract';
