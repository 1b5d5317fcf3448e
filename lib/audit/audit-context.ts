/** What every audit rule sees, built once per audit from the plain input. */
import { auditPaths, type AuditPath } from './audit-paths';
import { buildNativeGraph, type NativeGraph } from './native-graph';
import { objectName } from './subjects';
import type { AuditContract, AuditInput, AuditOptions, StageOrder } from './types';
import type { WaymarkActionIds } from './waymark-actions';

export { contractSubject, flowSubject, objectName } from './subjects';

export type AuditContext = {
  input: AuditInput;
  now: Date;
  /** One graph per native workflow, in input order. */
  graphs: NativeGraph[];
  /** Graphs of enabled workflows (behaviour rules judge only what can run). */
  enabled: NativeGraph[];
  /** Contracts that can run (live or paused). */
  liveContracts: AuditContract[];
  /** Enabled workflows and live contracts as comparable paths (portal rules). */
  paths: AuditPath[];
  /** The portal's order of a stage property for an object type (id or name). */
  stageOrder(objectType: string, property: string): StageOrder | undefined;
};

/** Build the shared context. */
export function buildAuditContext(input: AuditInput, options: AuditOptions & { waymarkActions?: WaymarkActionIds }): AuditContext {
  const graphs = input.flows.map((flow) => buildNativeGraph(flow, options.waymarkActions));
  const stages = new Map(input.stages.map((s) => [`${objectName(s.objectType)}:${s.property}`, s]));
  const enabled = graphs.filter((g) => g.flow.isEnabled);
  const liveContracts = input.contracts.filter((c) => c.status === 'live' || c.status === 'paused');
  return {
    input,
    now: options.now,
    graphs,
    enabled,
    liveContracts,
    paths: auditPaths(enabled, liveContracts),
    stageOrder: (objectType, property) => stages.get(`${objectName(objectType)}:${property}`),
  };
}
