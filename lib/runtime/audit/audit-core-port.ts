/**
 * What the audit use-case needs from the pure audit core (lib/audit): run every rule over what
 * was gathered from HubSpot and the state store, and diff two reports. The binding to lib/audit
 * is audit-core-binding.ts; tests may hand in their own.
 */
import type { Contract } from '../../contracts';
import type { Pipeline, PropertyDefinition } from '../../hubspot/crm-port';
import type { RuntimeFactRows } from '../store/audit-runtime-facts';
import type { SuppressionRow } from '../store/audit-suppressions';

/** A contract of the portal as the audit sees it: its live version, parsed when it is complete. */
export interface AuditedContract {
  key: string;
  name: string;
  status: string;
  version: number;
  definition: unknown;
  contract: Contract | null;
  /** When the live version was published. */
  liveSince?: Date;
}

/** Everything gathered for one audit, before any rule runs. */
export interface GatheredAudit {
  portalId: string;
  /** Automation v4 flow JSON, one per native workflow, as HubSpot returned it. */
  flows: Record<string, unknown>[];
  contracts: AuditedContract[];
  runtime: RuntimeFactRows;
  /** Pipelines (stage order = display order) per object type. */
  pipelines: Record<string, Pipeline[]>;
  /** Enumeration properties whose options have an order (lifecycle stage, lead status). */
  stageProperties: Record<string, PropertyDefinition>;
}

/** The stored shape of a report: what the API, the page and the CLI read. */
export interface StoredReport {
  portalId: string;
  auditedAt: string;
  score: number;
  findings: unknown[];
  [extra: string]: unknown;
}

/** Report export formats (the CLI's and the page's). */
export type ExportFormat = 'text' | 'markdown' | 'csv' | 'sarif';

/** A contract drafted from a native workflow, and what the workflow never declared. */
export interface WorkflowDraft {
  draft: unknown;
  yaml: string;
  openFindings: { rule?: string; severity?: string; message: string }[];
}

export interface AuditCorePort {
  ruleSetVersion: string;
  run(input: GatheredAudit, options: { now: Date; suppressions: readonly SuppressionRow[] }): StoredReport;
  diff(previous: StoredReport | null, current: StoredReport): unknown;
  format(report: StoredReport, format: ExportFormat): string;
  draftFromFlow(flow: Record<string, unknown>, options: { now: Date }): WorkflowDraft;
}
