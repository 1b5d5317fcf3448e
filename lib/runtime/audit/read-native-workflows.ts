/**
 * Reads every native workflow of a portal through the CRM port: the list (v4 paging), then each
 * flow in full, one after another so the reads stay inside the portal's shared API budget (the
 * port waits on it) while the audit reports how far it got. A flow that vanished between the
 * list and its read (404) is skipped, not fatal.
 */
import { CrmPermanentError, type CrmPort } from '../../hubspot/crm-port';

export interface WorkflowReadProgress {
  total: number;
  read: number;
}

export async function readNativeWorkflows(
  crm: CrmPort,
  portalId: bigint,
  onProgress: (progress: WorkflowReadProgress) => Promise<void>,
): Promise<{ flows: Record<string, unknown>[]; skipped: string[] }> {
  const summaries = await crm.listWorkflows(portalId);
  const total = summaries.length;
  await onProgress({ total, read: 0 });
  const flows: Record<string, unknown>[] = [];
  const skipped: string[] = [];
  for (const [index, summary] of summaries.entries()) {
    try {
      flows.push(await crm.getWorkflow(portalId, summary.id));
    } catch (error) {
      if (!(error instanceof CrmPermanentError && error.status === 404)) throw error;
      skipped.push(summary.id);
    }
    await onProgress({ total, read: index + 1 });
  }
  return { flows, skipped };
}
