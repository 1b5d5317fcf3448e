/** Helpers for audit rule tests: HubSpot v4 flow JSON in, one rule's findings out. */
import { parseNativeFlow, runAudit, type AuditContract, type AuditFinding, type AuditInput, type ContractRuntimeFacts } from '../../../lib/audit';
import { contractSchema } from '../../../lib/contracts/schema';
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

/** Run-time facts of a contract with nothing to report; override what a test needs. */
export function quietFacts(over: Partial<ContractRuntimeFacts> = {}): ContractRuntimeFacts {
  return {
    activeRuns: [], failuresPerDay: [], failuresLast24h: 0, lastEnrolledAt: '2026-11-30T12:00:00Z', refusals: [],
    stageWritesRefused: { count: 0, examples: [] }, endedWithoutExit: { count: 0, examples: [] }, ...over,
  };
}

/** A complete, live contract (send one email, exit); override any top-level field. */
export function auditContract(over: Record<string, unknown> = {}, status: AuditContract['status'] = 'live'): AuditContract {
  const c = contractSchema.parse({
    contract: 1, key: 'c1', name: 'Contract one', object: 'contact',
    docs: { purpose: 'p', owner: 'o', businessEvent: 'b' },
    trigger: { event: 'property_changed', property: 'lifecyclestage', to: 'lead' },
    entry: { filter: { always: true } },
    steps: [{ id: 's', action: 'send_email', with: { template: 't' }, next: 'done', onFailure: 'done' }],
    exits: [{ id: 'done', outcome: 'success', effects: [] }],
    ...over,
  });
  return { key: c.key, name: c.name, status, version: 1, contract: c };
}
