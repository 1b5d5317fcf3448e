/**
 * Action kinds (v1) and the `with` input each one takes. Used by action steps and exit effects.
 * `with` objects are loose (extra fields pass through) so an action implementation can grow
 * optional inputs without a format change; the fields listed here are the ones it relies on.
 */
import { z } from 'zod';
import { isoDurationSchema, scalarSchema } from './condition-schema';

/** Action kinds of format v1. */
export const ACTION_KINDS = [
  'set_property',
  'set_stage',
  'add_tag',
  'remove_tag',
  'create_task',
  'send_email',
  'notify',
  'start_contract',
  'webhook',
] as const;
/** One action kind. */
export type ActionKind = (typeof ACTION_KINDS)[number];

const text = z.string().min(1);

/** `with` for `set_property`: exactly one of `value` (write) or `increment` (add a number). */
const setPropertyWith = z
  .looseObject({ property: text, value: scalarSchema.optional(), increment: z.number().optional() })
  .superRefine((value, ctx) => {
    if ((value.value === undefined) === (value.increment === undefined)) {
      ctx.addIssue({ code: 'custom', input: value, message: 'needs exactly one of "value" or "increment"' });
    }
  });

/** The `with` schema of every action kind (explicit registry). */
export const actionWithSchemas = {
  set_property: setPropertyWith,
  set_stage: z.looseObject({ value: text }),
  add_tag: z.looseObject({ tag: text }),
  remove_tag: z.looseObject({ tag: text }),
  create_task: z.looseObject({ title: text, due: isoDurationSchema.optional() }),
  send_email: z.looseObject({ template: text }),
  notify: z.looseObject({ to: text, message: text }),
  start_contract: z.looseObject({ key: text }),
  webhook: z.looseObject({ url: z.url({ protocol: /^https?$/ }) }),
} as const satisfies Record<ActionKind, z.ZodType>;

/** The `with` input of action kind `K`. */
export type ActionInput<K extends ActionKind = ActionKind> = z.infer<(typeof actionWithSchemas)[K]>;

/** An exit effect: `{ "action": KIND, "with": {…} }`. Narrow on `action` to get a typed `with`. */
export const effectSchema = z.discriminatedUnion(
  'action',
  // The map keeps one literal per kind; the cast restores the tuple type zod wants.
  ACTION_KINDS.map((kind) => z.looseObject({ action: z.literal(kind), with: actionWithSchemas[kind] })) as unknown as [
    z.ZodObject<{ action: z.ZodLiteral<ActionKind>; with: z.ZodType }>,
  ],
) as unknown as z.ZodType<Effect>;

/** An exit effect, discriminated by `action`. */
export type Effect = { [K in ActionKind]: { action: K; with: ActionInput<K> } }[ActionKind];
