/**
 * One index over the live contracts of a set, built once per lint run in linear time, so portal
 * rules look up related contracts (same trigger, same property, handoff targets) instead of
 * comparing every pair.
 */
import type { ContractDraft } from '../draft';
import type { ContractFacts, Handoff, PropertyWrite, TagWrite } from './contract-facts';
import type { ContractGraph } from './graph';

/** A live contract as portal rules see it. */
export type PortalContract = { key: string; draft: ContractDraft; facts: ContractFacts; graph: ContractGraph; file?: string };

/** Lookups shared by portal rules. */
export type PortalIndex = {
  contracts: readonly PortalContract[];
  byKey: ReadonlyMap<string, PortalContract>;
  /** Every contract given with that key (more than one is a `duplicate-key` finding). */
  allByKey: ReadonlyMap<string, readonly PortalContract[]>;
  /** Contracts grouped by trigger signature (object, event, property / associated object). */
  byTrigger: ReadonlyMap<string, readonly PortalContract[]>;
  handoffsInto: ReadonlyMap<string, readonly { source: PortalContract; handoff: Handoff }[]>;
  writesByProperty: ReadonlyMap<string, readonly { contract: PortalContract; write: PropertyWrite }[]>;
  tagsByTag: ReadonlyMap<string, readonly { contract: PortalContract; tag: TagWrite }[]>;
  /** Keys of contracts given but not live (drafts). */
  notLive: ReadonlySet<string>;
};

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Trigger signature for grouping, or undefined for triggers that never fire on a shared event. */
export function triggerSignature(draft: ContractDraft): string | undefined {
  const trigger = draft.trigger;
  if (!trigger || 'unknownEvent' in trigger) return undefined;
  const object = draft.object ?? 'contact';
  switch (trigger.event) {
    case 'record_created':
      return `${object}|created`;
    case 'property_changed':
      return `${object}|property|${trigger.property}`;
    case 'association_changed':
      return `${object}|association|${trigger.toObject}`;
    default:
      // handoff and manual starts are aimed at one contract, never shared.
      return undefined;
  }
}

/** Builds the index. */
export function buildPortalIndex(contracts: readonly PortalContract[], notLive: ReadonlySet<string> = new Set()): PortalIndex {
  const byKey = new Map<string, PortalContract>();
  const allByKey = new Map<string, PortalContract[]>();
  const byTrigger = new Map<string, PortalContract[]>();
  const handoffsInto = new Map<string, { source: PortalContract; handoff: Handoff }[]>();
  const writesByProperty = new Map<string, { contract: PortalContract; write: PropertyWrite }[]>();
  const tagsByTag = new Map<string, { contract: PortalContract; tag: TagWrite }[]>();
  for (const contract of contracts) {
    push(allByKey, contract.key, contract);
    if (byKey.has(contract.key)) continue;
    byKey.set(contract.key, contract);
    const signature = triggerSignature(contract.draft);
    if (signature) push(byTrigger, signature, contract);
    for (const handoff of contract.facts.handoffs) push(handoffsInto, handoff.target, { source: contract, handoff });
    for (const write of contract.facts.writes) push(writesByProperty, write.property, { contract, write });
    for (const tag of contract.facts.tags) push(tagsByTag, tag.tag, { contract, tag });
  }
  return { contracts: [...byKey.values()], byKey, allByKey, byTrigger, handoffsInto, writesByProperty, tagsByTag, notLive };
}

/** True when `a` refuses to start while `b` is active (its filter excludes b, or b's lanes). */
export function excludes(a: PortalContract, b: PortalContract): boolean {
  const ex = a.facts.exclusion;
  return ex.anyContract || ex.contracts.has(b.key) || b.facts.lanes.some((lane) => ex.lanes.has(lane));
}

/**
 * True unless the two contracts provably cannot have active runs on the same record at once:
 * different objects, a shared lane (one holder per lane), or each one's filter excludes the other.
 */
export function canRunTogether(a: PortalContract, b: PortalContract): boolean {
  if ((a.draft.object ?? 'contact') !== (b.draft.object ?? 'contact')) return false;
  if (a.facts.lanes.some((lane) => b.facts.lanes.includes(lane))) return false;
  return !(excludes(a, b) && excludes(b, a));
}
