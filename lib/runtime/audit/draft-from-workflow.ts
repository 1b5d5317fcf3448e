/**
 * "Draft a contract from this workflow": reads the native workflow through the CRM port and lets
 * the pure core map what it can (trigger, filter, steps, branches) and list what the workflow
 * never declared (exits, failure paths, a docs owner) as open findings.
 */
import { CrmPermanentError } from '../../hubspot/crm-port';
import type { RuntimeDeps } from '../runtime-deps';
import type { AuditCorePort, WorkflowDraft } from './audit-core-port';

export type DraftResult = { ok: true; value: WorkflowDraft } | { ok: false; reason: string };

export async function draftFromWorkflow(deps: Pick<RuntimeDeps, 'crm' | 'clock'>, core: AuditCorePort, portalId: bigint, workflowId: string): Promise<DraftResult> {
  try {
    const flow = await deps.crm.getWorkflow(portalId, workflowId);
    return { ok: true, value: core.draftFromFlow(flow, { now: deps.clock.now() }) };
  } catch (error) {
    if (error instanceof CrmPermanentError && error.status === 404) return { ok: false, reason: `No native workflow ${workflowId} in portal ${portalId}` };
    throw error;
  }
}
