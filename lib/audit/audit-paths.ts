/**
 * Native workflows and contracts as one kind of thing, an audit path: what object it is about,
 * what its entry requires (as contract-format requirements, lib/contracts/lint/condition-logic),
 * which properties start it, what it writes, whether it mails, and whether Waymark guards it.
 * Portal rules compare paths of both worlds through this model.
 */
import { contradicts, requirements, type Requirement } from '../contracts/lint/condition-logic';
import { contractFacts, DEFAULT_STAGE_PROPERTY } from '../contracts/lint/contract-facts';
import { readDraft } from '../contracts/read-draft';
import { contractSubject, flowSubject, objectName } from './subjects';
import type { NativeGraph } from './native-graph';
import type { AuditContract, AuditSubject } from './types';

export type PathWrite = { property: string; value: string | undefined; where: string };

export type AuditPath = {
  subject: AuditSubject;
  native: NativeGraph | undefined;
  contract: AuditContract | undefined;
  object: string;
  /** What a record must look like when it enters (trigger value included). */
  requires: Map<string, Requirement>;
  /** Properties whose change can start the path; `*` when any record enrols (no conditions). */
  startsOn: ReadonlySet<string>;
  writes: PathWrite[];
  sendsEmail: boolean;
  /** Lanes it takes (contracts) or that a "Check Waymark entry" consults (native). */
  guarded: boolean;
  /** Started only by a handoff or by hand: never on a shared event. */
  aimed: boolean;
};

function nativePath(g: NativeGraph): AuditPath {
  const object = objectName(g.flow.objectTypeId);
  return {
    subject: flowSubject(g.flow), native: g, contract: undefined, object,
    requires: requirements(g.entry, DEFAULT_STAGE_PROPERTY[object as keyof typeof DEFAULT_STAGE_PROPERTY] ?? 'lifecyclestage'),
    startsOn: g.entryFilterCount === 0 ? new Set(['*']) : g.entryProperties,
    writes: g.writes.map((w) => ({ property: w.property, value: w.value, where: `action ${w.actionId}` })),
    sendsEmail: g.sendsEmail,
    guarded: g.guarded,
    aimed: g.flow.enrollmentCriteria?.type === 'MANUAL',
  };
}

function contractPath(c: AuditContract): AuditPath {
  // The linter's facts work on drafts; a complete contract reads as a draft with no findings.
  const facts = contractFacts(readDraft(c.contract, []) ?? {});
  const requires = new Map(facts.entryRequirements);
  const trigger = c.contract.trigger;
  const startsOn = new Set<string>();
  if (trigger.event === 'property_changed') {
    startsOn.add(trigger.property);
    if (trigger.to !== undefined && trigger.to !== null) {
      requires.set(trigger.property, { ...(requires.get(trigger.property) ?? { neq: [], gte: [] }), eq: String(trigger.to) });
    }
  } else if (trigger.event === 'record_created') startsOn.add('*created');
  const sendsEmail = c.contract.steps.some((s) => 'action' in s && s.action === 'send_email')
    || c.contract.exits.some((e) => e.effects.some((f) => f.action === 'send_email'));
  return {
    subject: contractSubject(c), native: undefined, contract: c, object: c.contract.object, requires, startsOn,
    writes: facts.writes.filter((w) => !w.increment).map((w) => ({ property: w.property, value: w.value === undefined || w.value === null ? undefined : String(w.value), where: w.pointer })),
    sendsEmail,
    guarded: facts.lanes.length > 0,
    aimed: trigger.event === 'handoff' || trigger.event === 'manual',
  };
}

/** Every path that can run: enabled native workflows first, then live contracts. */
export function auditPaths(enabled: readonly NativeGraph[], contracts: readonly AuditContract[]): AuditPath[] {
  return [...enabled.map(nativePath), ...contracts.map(contractPath)];
}

/** True unless the two entries provably exclude each other on some property, or the objects differ. */
export function entriesOverlap(a: AuditPath, b: AuditPath): boolean {
  if (a.object !== b.object) return false;
  for (const [property, req] of a.requires) {
    const other = b.requires.get(property);
    if (other && contradicts(req, other)) return false;
  }
  return true;
}

/** True when both can start on the same change (a shared start property, or one enrols everyone). */
export function startTogether(a: AuditPath, b: AuditPath): boolean {
  if (a.aimed || b.aimed) return false;
  if (a.startsOn.has('*') || b.startsOn.has('*')) return true;
  for (const p of a.startsOn) if (b.startsOn.has(p)) return true;
  return false;
}

/** Waymark keeps the two apart: both guarded (lanes / "Check Waymark entry"), or both contracts. */
export function waymarkSeparates(a: AuditPath, b: AuditPath): boolean {
  return (a.contract !== undefined && b.contract !== undefined) || (a.guarded && b.guarded);
}
