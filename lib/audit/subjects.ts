/** Subjects of findings, and object names shared by native workflows and contracts. */
import type { AuditContract, AuditSubject, NativeFlow } from './types';

const OBJECT_BY_TYPE_ID: Record<string, string> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' };
const PLURALS: Record<string, string> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

/** A HubSpot object type id or name as the contract format's object name (`0-3` → `deal`). */
export function objectName(objectType: string): string {
  return OBJECT_BY_TYPE_ID[objectType] ?? PLURALS[objectType] ?? objectType;
}

export const flowSubject = (flow: NativeFlow): AuditSubject => ({ kind: 'workflow', id: flow.id, name: flow.name });
export const contractSubject = (contract: AuditContract): AuditSubject => ({ kind: 'contract', id: contract.key, name: contract.name });
