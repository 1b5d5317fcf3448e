/**
 * The audit core port bound to the pure audit in lib/audit. `run` maps what was gathered to
 * lib/audit's input and runs every rule, recognising Waymark's own workflow actions by the
 * definition ids the app was configured with (issue #13: a native workflow that asks
 * "Check Waymark entry" is guarded, one that declares exits has them).
 *
 * `diff` and `format` are lib/audit's diffReports and formatReport over stored reports read back
 * through its schema. A member lib/audit does not provide yet (drafting a contract from a flow)
 * throws AuditCoreNotImplementedError instead of pretending.
 */
import { diffReports, formatReport, parseStoredReport, runAudit, RULE_SET_VERSION } from '../../audit';
import type { WaymarkActionIds } from '../../audit/waymark-actions';
import { auditInputOf } from './audit-input';
import type { AuditCorePort, StoredReport } from './audit-core-port';

export class AuditCoreNotImplementedError extends Error {
  constructor(readonly member: string) {
    super(`The audit core does not provide ${member} yet`);
    this.name = 'AuditCoreNotImplementedError';
  }
}

/** Waymark's workflow-action definition ids, per action (`actionTypeId` in a v4 flow is `1-<id>`). */
export type WaymarkActionDefinitionIds = { checkEntry?: readonly number[]; runContract?: readonly number[]; declareExit?: readonly number[] };

const typeIds = (ids: readonly number[] | undefined) => (ids ?? []).map((id) => `1-${id}`);

export function waymarkActionTypeIds(ids: WaymarkActionDefinitionIds): WaymarkActionIds & { runContract: readonly string[] } {
  return { checkEntry: typeIds(ids.checkEntry), runContract: typeIds(ids.runContract), declareExit: typeIds(ids.declareExit) };
}

export function auditCoreBinding(options: { waymarkActions?: WaymarkActionDefinitionIds } = {}): AuditCorePort {
  const waymarkActions = waymarkActionTypeIds(options.waymarkActions ?? {});
  return {
    ruleSetVersion: RULE_SET_VERSION,
    run(gathered, { now, suppressions }) {
      const { input, unreadableFlows } = auditInputOf(gathered, now);
      const report = runAudit(input, {
        now,
        suppressions: suppressions.map((s) => ({ rule: s.rule, subjectId: s.subjectId, reason: s.reason, by: s.createdBy })),
        waymarkActions,
      });
      return { ...report, unreadableFlows } satisfies StoredReport;
    },
    // Stored reports are read back through lib/audit's schema, so a malformed row is a clear error.
    diff: (previous, current) => diffReports(previous ? parseStoredReport(previous) : null, parseStoredReport(current)),
    format: (report, format) => formatReport(parseStoredReport(report), format),
    draftFromFlow() {
      throw new AuditCoreNotImplementedError('draftFromFlow (draftContractFromFlow)');
    },
  };
}
