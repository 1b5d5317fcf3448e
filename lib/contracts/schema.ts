/**
 * The contract format, version 1, as zod schemas with inferred types
 * (see the shared design page "Workflow contract format"). `contractSchema` is the complete,
 * shape-valid contract the runtime executes; `ContractDraft` is what the lenient parser yields
 * for an incomplete draft (see `parse-contract.ts`). Objects are loose where the format allows
 * implementations to add optional fields, strict where a typo would change meaning (conditions).
 */
import { z } from 'zod';
import { ACTION_KINDS, actionWithSchemas, effectSchema, type ActionKind, type Effect } from './action-schema';
import { conditionSchema, isoDurationSchema, scalarSchema, type Condition } from './condition-schema';

export * from './action-schema';
export * from './condition-schema';
export * from './iso-duration';

/** CRM objects a contract can be about. */
export const CRM_OBJECTS = ['contact', 'deal', 'company', 'ticket'] as const;
/** A CRM object type. */
export type CrmObject = (typeof CRM_OBJECTS)[number];

/** Stable contract key: kebab-case. */
export const contractKeySchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case, such as no-show-rebook');
const idSchema = z.string().min(1, 'must not be empty');
const text = z.string();
/** A calendar date `YYYY-MM-DD` (or a full ISO timestamp). */
export const isoDateSchema = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(value) && !Number.isNaN(Date.parse(value)), 'is not a date such as 2026-11-01');

/** `docs`: purpose, owner and business event are required for publishing (rule `missing-docs`). */
export const docsSchema = z.looseObject({
  purpose: text,
  owner: text,
  businessEvent: text,
  reviewedAt: isoDateSchema.optional(),
  notes: text.optional(),
});
/** Contract documentation. */
export type Docs = z.infer<typeof docsSchema>;

/** Trigger events of format v1. */
export const TRIGGER_EVENTS = ['record_created', 'property_changed', 'association_changed', 'handoff', 'manual'] as const;
/** One trigger event. */
export type TriggerEvent = (typeof TRIGGER_EVENTS)[number];
/** The business event that starts a run. */
export const triggerSchema = z.discriminatedUnion('event', [
  z.looseObject({ event: z.literal('record_created') }),
  z.looseObject({
    event: z.literal('property_changed'),
    property: z.string().min(1),
    to: scalarSchema.optional(),
    from: scalarSchema.optional(),
  }),
  z.looseObject({ event: z.literal('association_changed'), toObject: z.enum(CRM_OBJECTS) }),
  z.looseObject({ event: z.literal('handoff') }),
  z.looseObject({ event: z.literal('manual') }),
]);
/** The business event that starts a run. */
export type Trigger = z.infer<typeof triggerSchema>;

/** `"never"` (default), `"after_exit"`, or `{ "after": "P30D" }`. */
export const reenrollSchema = z.union([z.enum(['never', 'after_exit']), z.strictObject({ after: isoDurationSchema })]);
/** Re-enrollment policy. */
export type Reenroll = z.infer<typeof reenrollSchema>;

/** Eligibility and exclusivity. */
export const entrySchema = z.looseObject({
  filter: conditionSchema,
  reenroll: reenrollSchema.optional(),
  lanes: z.array(z.string().min(1)).optional(),
  /** Lane priority; bounded so it fits the lane-holding column with room to spare (issue 9). */
  priority: z.number().int().min(-1_000_000).max(1_000_000).optional(),
  onLaneBusy: z.enum(['skip', 'preempt']).optional(),
});
/** Eligibility and exclusivity. */
export type Entry = z.infer<typeof entrySchema>;

/** Events a `waitFor` arm or a goal can wait for. */
export const WAIT_EVENTS = ['replied', 'meeting_booked', 'email_bounced', 'property_changed'] as const;
/** One wait event. */
export type WaitEvent = (typeof WAIT_EVENTS)[number];

/** `{ "when": C }` or `{ "event": E, "property"? }`, the shared shape of wait arms and goals. */
const signalShape = {
  when: conditionSchema.optional(),
  event: z.enum(WAIT_EVENTS).optional(),
  property: z.string().min(1).optional(),
};
function oneSignal(value: { when?: unknown; event?: unknown; property?: unknown }, ctx: z.RefinementCtx): void {
  if ((value.when === undefined) === (value.event === undefined)) {
    ctx.addIssue({ code: 'custom', input: value, message: 'needs exactly one of "when" (a condition) or "event"' });
  } else if (value.event === 'property_changed' && value.property === undefined) {
    ctx.addIssue({ code: 'custom', input: value, message: 'waits for property_changed, so it needs "property"' });
  }
}

/** `{ "id", "wait": "PT10M", "next", "businessHours"? }` */
export const waitStepSchema = z.looseObject({
  id: idSchema,
  wait: isoDurationSchema,
  businessHours: z.boolean().optional(),
  next: idSchema,
  note: text.optional(),
});
/** One arm of a branch: first match wins. */
export const branchArmSchema = z.looseObject({ when: conditionSchema, next: idSchema });
/** `{ "id", "branch": [ { "when", "next" } … ], "else" }` */
export const branchStepSchema = z.looseObject({
  id: idSchema,
  branch: z.array(branchArmSchema),
  else: idSchema,
  note: text.optional(),
});
/** One arm of a `waitFor`. */
export const waitForArmSchema = z.looseObject({ ...signalShape, next: idSchema }).superRefine(oneSignal);
/** `{ "id", "waitFor": [ … ], "timeout", "onTimeout" }` */
export const waitForStepSchema = z.looseObject({
  id: idSchema,
  waitFor: z.array(waitForArmSchema),
  timeout: isoDurationSchema,
  onTimeout: idSchema,
  note: text.optional(),
});
/** `{ "id", "action": KIND, "with", "next", "onFailure" }`; narrow on `action` for a typed `with`. */
export const actionStepSchema = z.discriminatedUnion(
  'action',
  ACTION_KINDS.map((kind) =>
    z.looseObject({
      id: idSchema,
      action: z.literal(kind),
      with: actionWithSchemas[kind],
      next: idSchema,
      onFailure: idSchema,
      note: text.optional(),
    }),
  ) as unknown as [z.ZodObject<{ action: z.ZodLiteral<ActionKind> }>],
) as unknown as z.ZodType<ActionStep>;

/** A wait step. */
export type WaitStep = z.infer<typeof waitStepSchema>;
/** A branch step. */
export type BranchStep = z.infer<typeof branchStepSchema>;
/** One arm of a branch. */
export type BranchArm = z.infer<typeof branchArmSchema>;
/** A waitFor step. */
export type WaitForStep = z.infer<typeof waitForStepSchema>;
/** One arm of a waitFor. */
export type WaitForArm = z.infer<typeof waitForArmSchema>;
/** An action step, discriminated by `action`. */
export type ActionStep = {
  [K in ActionKind]: { id: string; action: K; with: Extract<Effect, { action: K }>['with']; next: string; onFailure: string; note?: string };
}[ActionKind];
/** Any step. Use {@link stepKind} to tell the kinds apart. */
export type Step = WaitStep | ActionStep | BranchStep | WaitForStep;
/** The four step kinds, named by the key that marks them. */
export const STEP_KINDS = ['wait', 'action', 'branch', 'waitFor'] as const;
/** One step kind. */
export type StepKind = (typeof STEP_KINDS)[number];

/** The kind of a complete step (the format marks a kind by which key is present). */
export function stepKind(step: Step): StepKind {
  if ('waitFor' in step) return 'waitFor';
  if ('branch' in step) return 'branch';
  if ('action' in step) return 'action';
  return 'wait';
}

/** Any complete step; exactly one kind key must be present. */
export const stepSchema: z.ZodType<Step> = z
  .union([waitStepSchema, actionStepSchema, branchStepSchema, waitForStepSchema])
  .superRefine((step, ctx) => {
    const kinds = STEP_KINDS.filter((kind) => kind in step);
    if (kinds.length !== 1) {
      ctx.addIssue({ code: 'custom', input: step, message: `has ${kinds.join(' and ')}; a step has exactly one kind` });
    }
  }) as unknown as z.ZodType<Step>;

/** Exit outcomes. */
export const OUTCOMES = ['success', 'neutral', 'failure', 'handoff'] as const;
/** A named end state and the effects that make it readable on the record. */
export const exitSchema = z.looseObject({
  id: idSchema,
  outcome: z.enum(OUTCOMES),
  effects: z.array(effectSchema),
  note: text.optional(),
});
/** A named end state. */
export type Exit = z.infer<typeof exitSchema>;
/** The exit id used when another contract preempts a run. */
export const PREEMPTED_EXIT = 'preempted';

/** `{ "when": C | "event": E, "exit" }`: ends a run early, whatever step it is on. */
export const goalSchema = z.looseObject({ ...signalShape, exit: idSchema }).superRefine(oneSignal);
/** A goal. */
export type Goal = z.infer<typeof goalSchema>;

/** Which property is a stage and how it may move. */
export const stagePolicySchema = z.looseObject({
  property: z.string().min(1),
  order: z.array(z.string().min(1)).min(1).optional(),
  monotonic: z.boolean().optional(),
});
/** Stage policy. */
export type StagePolicy = z.infer<typeof stagePolicySchema>;

/** Run limits. */
export const limitsSchema = z.looseObject({ maxDuration: isoDurationSchema.optional() });
/** Run limits. */
export type Limits = z.infer<typeof limitsSchema>;

/** The complete contract (format version 1) the runtime executes. */
export const contractSchema = z.looseObject({
  contract: z.literal(1),
  key: contractKeySchema,
  name: z.string().min(1),
  object: z.enum(CRM_OBJECTS),
  docs: docsSchema,
  trigger: triggerSchema,
  entry: entrySchema,
  steps: z.array(stepSchema).min(1),
  exits: z.array(exitSchema).min(1),
  goals: z.array(goalSchema).optional(),
  stagePolicy: stagePolicySchema.optional(),
  limits: limitsSchema.optional(),
});
/** The complete contract (format version 1) the runtime executes. */
export type Contract = z.infer<typeof contractSchema>;

export type { ActionKind, Condition, Effect };
