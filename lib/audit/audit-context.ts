/** What every audit rule sees, built once per audit from the plain input. */
import { buildNativeGraph, type NativeGraph } from './native-graph';
import type { AuditContract, AuditInput, AuditOptions, AuditSubject, NativeFlow, StageOrder } from './types';
import type { WaymarkActionIds } from './waymark-actions';

export type AuditContext = {
  input: AuditInput;
  now: Date;
  /** One graph per native workflow, in input order. */
  graphs: NativeGraph[];
  /** Graphs of enabled workflows (behaviour rules judge only what can run). */
  enabled: NativeGraph[];
  /** Contracts that can run (live or paused). */
  liveContracts: AuditContract[];
  /** Stage order by `objectType:property` (object type as a contract object name). */
  stageOrder(objectType: string, property: string): StageOrder | undefined;
};

const OBJECT_BY_TYPE_ID: Record<string, string> = { '0-1': 'contact', '0-2': 'company', '0-3': 'deal', '0-5': 'ticket' };
const PLURALS: Record<string, string> = { contacts: 'contact', companies: 'company', deals: 'deal', tickets: 'ticket' };

/** A HubSpot object type id or name as the contract format's object name (`0-3` → `deal`). */
export function objectName(objectType: string): string {
  return OBJECT_BY_TYPE_ID[objectType] ?? PLURALS[objectType] ?? objectType;
}

export const flowSubject = (flow: NativeFlow): AuditSubject => ({ kind: 'workflow', id: flow.id, name: flow.name });
export const contractSubject = (contract: AuditContract): AuditSubject => ({ kind: 'contract', id: contract.key, name: contract.name });

/** Build the shared context. */
export function buildAuditContext(input: AuditInput, options: AuditOptions & { waymarkActions?: WaymarkActionIds }): AuditContext {
  const graphs = input.flows.map((flow) => buildNativeGraph(flow, options.waymarkActions));
  const stages = new Map(input.stages.map((s) => [`${objectName(s.objectType)}:${s.property}`, s]));
  return {
    input,
    now: options.now,
    graphs,
    enabled: graphs.filter((g) => g.flow.isEnabled),
    liveContracts: input.contracts.filter((c) => c.status === 'live' || c.status === 'paused'),
    stageOrder: (objectType, property) => stages.get(`${objectName(objectType)}:${property}`),
  };
}
