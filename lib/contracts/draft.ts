/**
 * Draft shapes: what the lenient parser yields for a contract that may be incomplete. Every field
 * may be missing (the linter reports what is required); every present field holds a valid value
 * (invalid values are dropped and reported as `schema` findings). Array elements keep their
 * positions, so JSON pointers computed from a draft match the source file.
 */
import type { ActionInput, ActionKind, Effect } from './action-schema';
import type { Condition } from './condition-schema';
import type { CrmObject, Docs, Entry, Limits, Reenroll, StagePolicy, Trigger, WaitEvent } from './schema';

/** A trigger whose `event` is not one of the format's events (rule `missing-trigger` reports it). */
export type UnknownTrigger = { event: string; unknownEvent: true };

/** A branch arm in a draft. */
export type BranchArmDraft = { when?: Condition; next?: string };
/** A waitFor arm (and, with `exit`, a goal) in a draft. */
export type SignalDraft = { when?: Condition; event?: WaitEvent; property?: string };
/** A waitFor arm in a draft. */
export type WaitForArmDraft = SignalDraft & { next?: string };
/** A goal in a draft. */
export type GoalDraft = SignalDraft & { exit?: string };
/** An effect in a draft. */
export type EffectDraft = { action?: ActionKind; with?: ActionInput };

/** Fields every draft step has; `kind` is decided by which kind key the source step has. */
type StepBase = { id?: string; note?: string };
/** A wait step in a draft. */
export type WaitStepDraft = StepBase & { kind: 'wait'; wait?: string; businessHours?: boolean; next?: string };
/** An action step in a draft. */
export type ActionStepDraft = StepBase & {
  kind: 'action';
  action?: ActionKind;
  with?: ActionInput;
  next?: string;
  onFailure?: string;
};
/** A branch step in a draft. */
export type BranchStepDraft = StepBase & { kind: 'branch'; branch?: BranchArmDraft[]; else?: string };
/** A waitFor step in a draft. */
export type WaitForStepDraft = StepBase & {
  kind: 'waitFor';
  waitFor?: WaitForArmDraft[];
  timeout?: string;
  onTimeout?: string;
};
/** A step with no kind key, or several (already reported as a `schema` finding). */
export type UnknownStepDraft = StepBase & { kind: 'unknown' };
/** Any step in a draft. */
export type StepDraft = WaitStepDraft | ActionStepDraft | BranchStepDraft | WaitForStepDraft | UnknownStepDraft;

/** An exit in a draft. */
export type ExitDraft = { id?: string; outcome?: 'success' | 'neutral' | 'failure' | 'handoff'; effects?: EffectDraft[]; note?: string };

/** A contract that may be incomplete: what `parseContract` yields and the linter checks. */
export type ContractDraft = {
  contract?: 1;
  key?: string;
  name?: string;
  object?: CrmObject;
  docs?: Partial<Docs>;
  trigger?: Trigger | UnknownTrigger;
  entry?: Partial<Entry> & { reenroll?: Reenroll };
  steps?: StepDraft[];
  exits?: ExitDraft[];
  goals?: GoalDraft[];
  stagePolicy?: StagePolicy;
  limits?: Limits;
};

export type { Effect };
