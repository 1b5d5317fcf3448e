/**
 * What an action implementation gets: the CRM port, who the write is about, the idempotency
 * key it must carry, the record as Waymark holds it, and the contract and portal facts (for the
 * stage policy).
 */
import type { Contract } from '../../contracts';
import type { PortalContext } from '../../engine/types';
import type { CrmObjectType, CrmPort } from '../../hubspot/crm-port';
import type { StoredRecordState } from '../store/merge-record-state';

export interface ActionContext {
  crm: CrmPort;
  portalId: bigint;
  objectType: CrmObjectType;
  recordId: string;
  runId: string;
  contract: Contract;
  idempotencyKey: string;
  record: StoredRecordState;
  /** The portal's time zone and stage orders (the stage policy's default order). */
  portal: PortalContext;
  now: Date;
  /** Enrolls the record in another contract (the start_contract handoff). */
  handoff(contractKey: string): Promise<{ enrolled: boolean; reason: string }>;
}

/** What a finished action reports. `refused` means the runtime declined to write (logged). */
export type ActionOutcome =
  | { status: 'succeeded'; result: Record<string, unknown> }
  | { status: 'refused'; reason: string; result: Record<string, unknown> };

export type ActionExecutor = (ctx: ActionContext, input: Record<string, unknown>) => Promise<ActionOutcome>;

/** The property that holds Waymark's tags on a record (semicolon-separated). */
export const TAGS_PROPERTY = 'waymark_tags';

export function readTags(record: StoredRecordState): string[] {
  return (record.properties[TAGS_PROPERTY] ?? '').split(';').map((t) => t.trim()).filter(Boolean);
}
