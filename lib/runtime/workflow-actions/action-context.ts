/** What every Waymark workflow-action use-case gets: the validated request, who asked, and when. */
import type { ActionRequest } from '../../hubspot/actions/action-request';
import type { CrmObjectType } from '../../hubspot/crm-port';

export interface ActionCall {
  request: ActionRequest;
  portalId: bigint;
  objectType: CrmObjectType;
  recordId: string;
  flowId: string | null;
  callbackId: string;
}

/** The actor named on decision-log rows: the native workflow that asked. */
export const workflowActor = (call: Pick<ActionCall, 'flowId'>) => `hubspot-workflow:${call.flowId ?? 'unknown'}`;

/** The JSON HubSpot reads back: `{"outputFields": {...}}` (values as strings). */
export type OutputFields = Record<string, string>;
