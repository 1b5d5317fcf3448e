/** Public surface of the portal audit (issue #11): pure, no I/O. */
export * from './types';
export { nativeFlowSchema, parseNativeFlow, type FlowAction, type FilterBranch, type EnrollmentCriteria } from './flow-schema';
export { runAudit } from './run-audit';
