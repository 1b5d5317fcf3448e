/** Public surface of the portal audit (issue #11): pure, no I/O. */
export * from './types';
export { nativeFlowSchema, parseNativeFlow, type FlowAction, type FilterBranch, type EnrollmentCriteria } from './flow-schema';
export { runAudit } from './run-audit';
export { AUDIT_RULES, RULE_SET_VERSION } from './registry';
export { buildStageMap, type StageMap, type StageValueUse } from './stage-map';
export { buildNativeGraph, type NativeGraph } from './native-graph';
export { isCheckEntryAction, isDeclareExitAction, runContractKey } from './waymark-actions';
export type { AuditRule } from './audit-rule';
export { diffReports, type AuditDiff } from './diff-reports';
export { auditReportSchema, auditFindingSchema, parseStoredReport } from './report-schema';
export { formatReport, REPORT_FORMATS, type ReportFormat } from './format/format-report';
export { CSV_COLUMNS } from './format/format-csv';
export { draftContractFromFlow, draftKey, UnreadableFlowError, type FlowContractDraft, type DraftOpenFinding } from './draft/draft-contract-from-flow';
