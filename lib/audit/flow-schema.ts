/**
 * HubSpot Automation v4 flow JSON (`GET /automation/v4/flows/{flowId}`), as zod schemas.
 * Tolerant on purpose: every object is loose (HubSpot adds fields often) and only the fields the
 * audit rules read are typed. Unknown action `type`s parse as a generic action, so one odd action
 * never hides a whole workflow from the audit.
 */
import { z } from 'zod';

/** A list/filter branch (Lists API grammar): nested OR/AND/NOT branches of filters. */
export type FilterBranch = {
  filterBranchType?: string;
  filterBranchOperator?: string;
  filters?: Record<string, unknown>[];
  filterBranches?: FilterBranch[];
  eventTypeId?: string;
  operator?: string;
  [key: string]: unknown;
};
export const filterBranchSchema: z.ZodType<FilterBranch> = z.lazy(() =>
  z.looseObject({
    filterBranchType: z.string().optional(),
    filterBranchOperator: z.string().optional(),
    filters: z.array(z.looseObject({})).optional(),
    filterBranches: z.array(filterBranchSchema).optional(),
    eventTypeId: z.string().optional(),
    operator: z.string().optional(),
  }),
) as z.ZodType<FilterBranch>;

/** `connection`: the edge to the next action. */
export const connectionSchema = z.looseObject({
  edgeType: z.string().optional(),
  nextActionId: z.string(),
});
export type FlowConnection = z.infer<typeof connectionSchema>;

const id = z.union([z.string(), z.number()]).transform(String);

/** One action; `type` discriminates SINGLE_CONNECTION, LIST_BRANCH, STATIC_BRANCH, AB_TEST_BRANCH, … */
export const flowActionSchema = z.looseObject({
  type: z.string().optional(),
  actionId: id,
  actionTypeId: z.string().optional(),
  actionTypeVersion: z.number().optional(),
  fields: z.record(z.string(), z.unknown()).optional(),
  connection: connectionSchema.nullish(),
  listBranches: z
    .array(z.looseObject({ branchName: z.string().optional(), filterBranch: filterBranchSchema.optional(), connection: connectionSchema.nullish() }))
    .optional(),
  staticBranches: z.array(z.looseObject({ branchValue: z.unknown().optional(), connection: connectionSchema.nullish() })).optional(),
  testBranches: z.array(z.looseObject({ percentage: z.number().optional(), connection: connectionSchema.nullish() })).optional(),
  inputValue: z.looseObject({}).optional(),
  defaultBranchName: z.string().nullish(),
  defaultBranch: connectionSchema.nullish(),
});
export type FlowAction = z.infer<typeof flowActionSchema>;

/** Enrolment criteria: LIST_BASED, EVENT_BASED, MANUAL, DATASET (others pass through). */
export const enrollmentCriteriaSchema = z.looseObject({
  type: z.string(),
  shouldReEnroll: z.boolean().optional(),
  unEnrollObjectsNotMeetingCriteria: z.boolean().optional(),
  listFilterBranch: filterBranchSchema.nullish(),
  reEnrollmentTriggersFilterBranches: z.array(filterBranchSchema).optional(),
  eventFilterBranches: z.array(filterBranchSchema).optional(),
  listMembershipFilterBranches: z.array(filterBranchSchema).optional(),
  refinementCriteria: filterBranchSchema.nullish(),
});
export type EnrollmentCriteria = z.infer<typeof enrollmentCriteriaSchema>;

/** A full flow as `GET /automation/v4/flows/{flowId}` returns it. */
export const nativeFlowSchema = z.looseObject({
  id,
  name: z.string().default(''),
  description: z.string().nullish(),
  isEnabled: z.boolean(),
  type: z.string().optional(),
  flowType: z.string().optional(),
  objectTypeId: z.string(),
  revisionId: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
  startActionId: id.optional(),
  actions: z.array(flowActionSchema).default([]),
  enrollmentCriteria: enrollmentCriteriaSchema.nullish(),
  goalFilterBranch: filterBranchSchema.nullish(),
  suppressionListIds: z.array(z.union([z.number(), z.string()])).optional(),
  suppressionFilterBranch: filterBranchSchema.nullish(),
  unEnrollmentSetting: z.looseObject({ type: z.string().optional(), flowIds: z.array(id).optional() }).nullish(),
});
/** A native HubSpot workflow, parsed. */
export type NativeFlow = z.infer<typeof nativeFlowSchema>;

/** Parse one flow; `{ ok: false, error }` names the first bad field instead of throwing. */
export function parseNativeFlow(input: unknown): { ok: true; flow: NativeFlow } | { ok: false; error: string } {
  const result = nativeFlowSchema.safeParse(input);
  if (result.success) return { ok: true, flow: result.data };
  const issue = result.error.issues[0];
  return { ok: false, error: `${issue?.path.join('.') || '(flow)'}: ${issue?.message ?? 'invalid'}` };
}
