/** Helpers for audit rule tests: HubSpot v4 flow JSON in, one rule's findings out. */
import { parseNativeFlow, runAudit, type AuditInput, type AuditFinding } from '../../../lib/audit';
import type { AuditRule } from '../../../lib/audit/audit-rule';
import { flow } from '../../../lib/sandbox/seed/flow-builders';

export * from '../../../lib/sandbox/seed/flow-builders';
export const NOW = new Date('2026-12-01T12:00:00Z');

/** A flow with sensible defaults (contact flow, enabled, described). */
export function nativeFlow(over: Partial<Parameters<typeof flow>[0]> & { actions: Record<string, unknown>[]; enrollmentCriteria: Record<string, unknown> }) {
  return flow({ id: '9001', name: 'Fixture', objectTypeId: '0-1', isEnabled: true, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', ...over,
    extra: { description: 'Fixture workflow', ...(over.extra ?? {}) } });
}

export function parsed(raw: Record<string, unknown>) {
  const result = parseNativeFlow(raw);
  if (!result.ok) throw new Error(result.error);
  return result.flow;
}

export function auditInput(over: Partial<AuditInput> & { rawFlows?: Record<string, unknown>[] } = {}): AuditInput {
  const { rawFlows = [], ...rest } = over;
  return { portalId: '123', flows: rawFlows.map(parsed), contracts: [], stages: [], runtime: { contracts: {} }, ...rest };
}

/** Findings of one rule. */
export function check(rule: AuditRule, input: AuditInput): AuditFinding[] {
  return runAudit(input, { now: NOW }, [rule]).findings;
}
