/**
 * Conditions: property tests, combinators and shared-state tests (contract format, "Conditions").
 * Used by entry filters, branches, waits and goals. Objects are strict so a misspelt operator
 * (`equals` for `eq`) is reported instead of silently ignored.
 */
import { z } from 'zod';
import { ISO_DURATION_PATTERN, isOverlongIsoDuration, MAX_DURATION_YEARS } from './iso-duration';

/** A plain value a property can hold or be compared with. */
export const scalarSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);
/** A plain value a property can hold or be compared with. */
export type Scalar = z.infer<typeof scalarSchema>;

/**
 * ISO-8601 duration text such as `PT10M` or `P3D`, at most 100 years: a longer one has no due
 * time a run could be scheduled at (a `schema` finding, so such a contract never publishes).
 */
export const isoDurationSchema = z
  .string()
  .regex(ISO_DURATION_PATTERN, 'is not an ISO-8601 duration such as PT10M or P3D')
  .refine((text) => !isOverlongIsoDuration(text), `is longer than ${MAX_DURATION_YEARS} years; no due time could be scheduled`);

/** Property-test operators, in the order the format lists them. */
export const PROPERTY_OPERATORS = ['eq', 'neq', 'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'contains', 'known', 'changed'] as const;
/** One property-test operator. */
export type PropertyOperator = (typeof PROPERTY_OPERATORS)[number];

const comparable = z.union([z.number(), z.string()]);
const operatorShape = {
  eq: scalarSchema.optional(),
  neq: scalarSchema.optional(),
  in: z.array(scalarSchema).optional(),
  notIn: z.array(scalarSchema).optional(),
  gt: comparable.optional(),
  gte: comparable.optional(),
  lt: comparable.optional(),
  lte: comparable.optional(),
  contains: z.string().optional(),
  known: z.boolean().optional(),
  changed: z.literal(true).optional(),
};

function exactlyOneOperator(value: Record<string, unknown>, ctx: z.RefinementCtx): void {
  const used = PROPERTY_OPERATORS.filter((op) => value[op] !== undefined);
  if (used.length !== 1) {
    ctx.addIssue({
      code: 'custom',
      input: value,
      message:
        used.length === 0
          ? `needs exactly one operator: ${PROPERTY_OPERATORS.join(', ')}`
          : `has ${used.length} operators (${used.join(', ')}); use exactly one, or combine tests with "all"`,
    });
  }
}

/** `{ "property": "P", "<op>": V }` with exactly one operator. */
export const propertyTestSchema = z
  .strictObject({ property: z.string().min(1), ...operatorShape })
  .superRefine(exactlyOneOperator);
/** `{ "stage": { "<op>": V } }`: a property test on the contract's stage property. */
export const stageTestSchema = z.strictObject({
  stage: z.strictObject(operatorShape).superRefine(exactlyOneOperator),
});
/** `{ "inContract": "KEY" | "any" }` */
export const inContractSchema = z.strictObject({ inContract: z.string().min(1) });
/** `{ "inLane": "LANE" }` */
export const inLaneSchema = z.strictObject({ inLane: z.string().min(1) });
/** `{ "completed": "KEY", "within"?: duration, "exit"?: "EXIT_ID" }` */
export const completedSchema = z.strictObject({
  completed: z.string().min(1),
  within: isoDurationSchema.optional(),
  exit: z.string().min(1).optional(),
});
/** `{ "always": true }` */
export const alwaysSchema = z.strictObject({ always: z.literal(true) });

/** A property test. */
export type PropertyTest = z.infer<typeof propertyTestSchema>;
/** A stage test (shorthand for a property test on the stage property). */
export type StageTest = z.infer<typeof stageTestSchema>;
/** Any condition of the contract format. */
export type Condition =
  | PropertyTest
  | StageTest
  | z.infer<typeof inContractSchema>
  | z.infer<typeof inLaneSchema>
  | z.infer<typeof completedSchema>
  | z.infer<typeof alwaysSchema>
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

/** Zod schema for {@link Condition} (recursive). */
export const conditionSchema: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    propertyTestSchema,
    stageTestSchema,
    z.strictObject({ all: z.array(conditionSchema) }),
    z.strictObject({ any: z.array(conditionSchema) }),
    z.strictObject({ not: conditionSchema }),
    inContractSchema,
    inLaneSchema,
    completedSchema,
    alwaysSchema,
  ]),
).meta({ id: 'Condition', description: 'A property test, a combinator (all/any/not/always) or a shared-state test.' });

/** Quotes a value for a plain-words message: strings in single quotes, the rest as JSON. */
export function quoteValue(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 60 ? `${value.slice(0, 57)}...` : value}'`;
  if (value === undefined) return 'nothing';
  const json = JSON.stringify(value) ?? String(value);
  return json.length > 60 ? `${json.slice(0, 57)}...` : json;
}
