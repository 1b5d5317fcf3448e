/**
 * Facts about one contract that portal rules and stage rules need, computed once per contract:
 * its stage property, the properties and tags it writes, its handoffs, lanes and exclusions.
 */
import type { Scalar } from '../condition-schema';
import type { ContractDraft, EffectDraft } from '../draft';
import { toPointer, type PointerSegment } from '../json-pointer';
import type { CrmObject } from '../schema';
import { exclusions, requirements, type Exclusion, type Requirement } from './condition-logic';

/** Default stage property per object, used when a contract has no `stagePolicy`. */
export const DEFAULT_STAGE_PROPERTY = {
  contact: 'lifecyclestage',
  company: 'lifecyclestage',
  deal: 'dealstage',
  ticket: 'hs_pipeline_stage',
} as const satisfies Record<CrmObject, string>;

/** One write of a property value (`set_property` or `set_stage`). */
export type PropertyWrite = { property: string; value: Scalar | undefined; increment: boolean; pointer: string };
/** One tag change. */
export type TagWrite = { tag: string; op: 'add' | 'remove'; pointer: string };
/** One `start_contract` (from an exit's effects or from an action step). */
export type Handoff = {
  target: string;
  pointer: string;
  /** Exit handoffs run after the run ended; step handoffs run while it is still active. */
  from: { kind: 'exit'; exitId: string | undefined; before: EffectDraft[] } | { kind: 'step'; stepId: string | undefined };
};

/** Precomputed facts of one contract. */
export type ContractFacts = {
  stageProperty: string;
  writes: PropertyWrite[];
  tags: TagWrite[];
  handoffs: Handoff[];
  lanes: string[];
  /** Whether the contract has at least one action step. */
  acts: boolean;
  exclusion: Exclusion;
  /** What the entry filter requires of each property (computed once; portal rules compare these). */
  entryRequirements: Map<string, Requirement>;
};

/** Computes the facts of a draft. */
export function contractFacts(draft: ContractDraft): ContractFacts {
  const stageProperty = draft.stagePolicy?.property ?? DEFAULT_STAGE_PROPERTY[draft.object ?? 'contact'];
  const facts: ContractFacts = {
    stageProperty,
    writes: [],
    tags: [],
    handoffs: [],
    lanes: draft.entry?.lanes ?? [],
    acts: (draft.steps ?? []).some((s) => s.kind === 'action'),
    exclusion: exclusions(draft.entry?.filter),
    entryRequirements: requirements(draft.entry?.filter, stageProperty),
  };
  const visit = (effect: EffectDraft, at: PointerSegment[], from: Handoff['from']) => {
    const input = effect.with as Record<string, unknown> | undefined;
    if (!effect.action || !input) return;
    const pointer = toPointer(at);
    switch (effect.action) {
      case 'set_stage':
        facts.writes.push({ property: stageProperty, value: input.value as Scalar, increment: false, pointer });
        break;
      case 'set_property':
        facts.writes.push({
          property: String(input.property),
          value: input.value as Scalar | undefined,
          increment: input.increment !== undefined,
          pointer,
        });
        break;
      case 'add_tag':
      case 'remove_tag':
        facts.tags.push({ tag: String(input.tag), op: effect.action === 'add_tag' ? 'add' : 'remove', pointer });
        break;
      case 'start_contract':
        facts.handoffs.push({ target: String(input.key), pointer: toPointer([...at, 'with', 'key']), from });
        break;
      default:
        break;
    }
  };
  (draft.steps ?? []).forEach((step, i) => {
    if (step.kind === 'action') visit(step, ['steps', i], { kind: 'step', stepId: step.id });
  });
  (draft.exits ?? []).forEach((exit, i) => {
    (exit.effects ?? []).forEach((effect, e) =>
      visit(effect, ['exits', i, 'effects', e], { kind: 'exit', exitId: exit.id, before: (exit.effects ?? []).slice(0, e) }),
    );
  });
  return facts;
}

/** Stage writes of a contract with a monotonic policy cannot contradict: the runtime keeps the latest stage. */
export function isMonotonicStageWrite(draft: ContractDraft, facts: ContractFacts, write: PropertyWrite): boolean {
  return draft.stagePolicy?.monotonic === true && write.property === facts.stageProperty;
}

/** The trigger as a property change, when it is one. */
export function propertyTrigger(draft: ContractDraft): { property: string; to?: Scalar; from?: Scalar } | undefined {
  const trigger = draft.trigger;
  if (!trigger || 'unknownEvent' in trigger || trigger.event !== 'property_changed') return undefined;
  return {
    property: trigger.property,
    ...(trigger.to !== undefined ? { to: trigger.to } : {}),
    ...(trigger.from !== undefined ? { from: trigger.from } : {}),
  };
}
