/**
 * The request bodies of `POST /automation/v4/flows` (ApiFlowCreateRequest) and
 * `PUT /automation/v4/flows/{flowId}` (ApiFlowPutRequest), per HubSpot's v4 spec: the fields the
 * spec marks required for contact flows (`CONTACT_FLOW`, object `0-1`) and platform flows
 * (everything else), and the action shapes discriminated by `type`. Unknown fields pass through
 * (HubSpot keeps fields this schema does not name, e.g. `goalFilterBranch`).
 */
import { z } from 'zod';

const connection = z.looseObject({ edgeType: z.enum(['STANDARD', 'GOTO']), nextActionId: z.string().min(1) });

const action = z.discriminatedUnion('type', [
  z.looseObject({
    type: z.literal('SINGLE_CONNECTION'), actionId: z.string().min(1), actionTypeId: z.string().min(1),
    actionTypeVersion: z.number().int(), fields: z.record(z.string(), z.unknown()), connection: connection.optional(),
  }),
  z.looseObject({
    type: z.literal('LIST_BRANCH'), actionId: z.string().min(1),
    listBranches: z.array(z.looseObject({ branchName: z.string().optional(), filterBranch: z.looseObject({ filterBranchType: z.string() }), connection: connection.optional() })),
    defaultBranchName: z.string().optional(), defaultBranch: connection.optional(),
  }),
  z.looseObject({
    type: z.literal('STATIC_BRANCH'), actionId: z.string().min(1), inputValue: z.looseObject({ type: z.string() }),
    staticBranches: z.array(z.looseObject({ branchValue: z.string(), connection: connection.optional() })),
    defaultBranchName: z.string().optional(), defaultBranch: connection.optional(),
  }),
  z.looseObject({ type: z.literal('AB_TEST_BRANCH'), actionId: z.string().min(1), testBranches: z.array(z.looseObject({ connection: connection.optional() }).or(connection)) }),
  z.looseObject({ type: z.literal('CUSTOM_CODE'), actionId: z.string().min(1), runtime: z.string(), connection: connection.optional() }),
  z.looseObject({ type: z.literal('WEBHOOK'), actionId: z.string().min(1), webhookUrl: z.string(), method: z.string(), connection: connection.optional() }),
]);

/** A flow action as HubSpot accepts it. */
export type FlowAction = z.infer<typeof action>;

const enrollmentCriteria = z.looseObject({ type: z.enum(['LIST_BASED', 'EVENT_BASED', 'MANUAL', 'DATASET']) });

const common = {
  isEnabled: z.boolean(),
  name: z.string().optional(),
  description: z.string().optional(),
  uuid: z.string().optional(),
  startActionId: z.string().optional(),
  actions: z.array(action),
  enrollmentCriteria: enrollmentCriteria.optional(),
  timeWindows: z.array(z.looseObject({ day: z.string() })),
  blockedDates: z.array(z.looseObject({ dayOfMonth: z.number().int(), month: z.string() })),
  customProperties: z.record(z.string(), z.string()),
};

const contactOnly = { canEnrollFromSalesforce: z.boolean(), suppressionListIds: z.array(z.number().int()) };

/** ApiFlowCreateRequest: contact or platform flow. */
export const flowCreateBody = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('CONTACT_FLOW'), objectTypeId: z.literal('0-1'), flowType: z.enum(['WORKFLOW', 'ACTION_SET', 'UNKNOWN']), dataSources: z.array(z.unknown()), ...common, ...contactOnly }),
  z.looseObject({ type: z.literal('PLATFORM_FLOW'), objectTypeId: z.string().regex(/^\d+-\d+$/), flowType: z.enum(['WORKFLOW', 'ACTION_SET', 'UNKNOWN']), dataSources: z.array(z.unknown()), ...common }),
]);

/** ApiFlowPutRequest: the whole flow again, with the revision it was read at. */
export const flowPutBody = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('CONTACT_FLOW'), revisionId: z.string().min(1), ...common, ...contactOnly }),
  z.looseObject({ type: z.literal('PLATFORM_FLOW'), revisionId: z.string().min(1), ...common }),
]);

export type FlowCreateBody = z.infer<typeof flowCreateBody>;
export type FlowPutBody = z.infer<typeof flowPutBody>;

/** Every `nextActionId` an action points to (branches, defaults, the single connection). */
export function nextActionIds(a: FlowAction): string[] {
  const out: (string | undefined)[] = [];
  const record = a as Record<string, unknown>;
  const push = (c: unknown) => out.push((c as { nextActionId?: string } | undefined)?.nextActionId);
  push(record.connection);
  push(record.defaultBranch);
  for (const key of ['listBranches', 'staticBranches', 'testBranches']) {
    for (const branch of (record[key] as unknown[] | undefined) ?? []) {
      const b = branch as Record<string, unknown>;
      push('connection' in b ? b.connection : b);
    }
  }
  return out.filter((id): id is string => !!id);
}
