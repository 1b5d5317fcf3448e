/**
 * HubSpot-defined association type ids for attaching tasks and notes to a record
 * (reference §6.5, from the SDK's `AssociationTypes`).
 */
import type { CrmObjectType } from '../crm-port';

export const TASK_TO: Record<CrmObjectType, number> = { contact: 204, company: 192, deal: 216, ticket: 230 };
export const NOTE_TO: Record<CrmObjectType, number> = { contact: 202, company: 190, deal: 214, ticket: 228 };

/** The `associations` entry of a create request. */
export function associationTo(recordId: string, typeId: number) {
  return [{ to: { id: recordId }, types: [{ associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId }] }];
}
