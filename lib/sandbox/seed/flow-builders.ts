/** Small builders for Automation v4 flow JSON (reference §5), so seeded flows stay readable. */

type Json = Record<string, unknown>;

export const propertyFilter = (property: string, operator: string, values: string[], operationType = 'ENUMERATION'): Json => ({
  filterType: 'PROPERTY',
  property,
  operation: { operationType, operator, values, includeObjectsWithNoValueSet: false },
});

/** OR-of-ANDs filter branch, HubSpot's standard shape. */
export const orOfAnd = (...filters: Json[]): Json => ({
  filterBranchType: 'OR',
  filterBranchOperator: 'OR',
  filters: [],
  filterBranches: filters.length ? [{ filterBranchType: 'AND', filterBranchOperator: 'AND', filterBranches: [], filters }] : [],
});

const next = (nextActionId: string): Json => ({ connection: { edgeType: 'STANDARD', nextActionId } });

export const delay = (actionId: string, minutes: number, then?: string): Json => ({
  type: 'SINGLE_CONNECTION', actionId, actionTypeId: '0-1', actionTypeVersion: 0,
  fields: { delta: String(minutes), time_unit: 'MINUTES' }, ...(then ? next(then) : {}),
});

export const setProperty = (actionId: string, property: string, value: string, then?: string): Json => ({
  type: 'SINGLE_CONNECTION', actionId, actionTypeId: '0-5', actionTypeVersion: 0,
  fields: { property_name: property, value: { staticValue: value } }, ...(then ? next(then) : {}),
});

export const sendEmail = (actionId: string, contentId: string, then?: string): Json => ({
  type: 'SINGLE_CONNECTION', actionId, actionTypeId: '0-4', actionTypeVersion: 0,
  fields: { content_id: contentId }, ...(then ? next(then) : {}),
});

export const createTask = (actionId: string, subject: string, then?: string): Json => ({
  type: 'SINGLE_CONNECTION', actionId, actionTypeId: '0-3', actionTypeVersion: 0,
  fields: {
    task_type: 'TODO', subject, body: `<p>${subject}</p>`, priority: 'NONE',
    associations: [{ target: { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: 10 }, value: { type: 'ENROLLED_OBJECT' } }],
    use_explicit_associations: 'true',
  },
  ...(then ? next(then) : {}),
});

/** Common top-level fields of a flow. */
export function flow(input: {
  id: string; name: string; objectTypeId: string; isEnabled: boolean; actions: Json[]; enrollmentCriteria: Json;
  createdAt: string; updatedAt: string; extra?: Json;
}): Json & { id: string } {
  const contact = input.objectTypeId === '0-1';
  return {
    id: input.id,
    uuid: `00000000-0000-4000-8000-${input.id.padStart(12, '0')}`,
    isEnabled: input.isEnabled,
    flowType: 'WORKFLOW',
    type: contact ? 'CONTACT_FLOW' : 'PLATFORM_FLOW',
    objectTypeId: input.objectTypeId,
    revisionId: '3',
    name: input.name,
    description: '',
    createdAt: input.createdAt,
    updatedAt: input.updatedAt,
    startActionId: (input.actions[0]?.actionId as string | undefined) ?? '1',
    nextAvailableActionId: String(input.actions.length + 1),
    actions: input.actions,
    enrollmentCriteria: input.enrollmentCriteria,
    timeWindows: [],
    blockedDates: [],
    customProperties: {},
    dataSources: [],
    crmObjectCreationStatus: 'COMPLETE',
    ...(contact
      ? { suppressionListIds: [], unEnrollmentSetting: { type: 'NONE', flowIds: [] }, canEnrollFromSalesforce: false }
      : { suppressionFilterBranch: null }),
    ...(input.extra ?? {}),
  };
}

export const listBased = (branch: Json, shouldReEnroll = false): Json => ({
  type: 'LIST_BASED', shouldReEnroll, unEnrollObjectsNotMeetingCriteria: false, reEnrollmentTriggersFilterBranches: [], listFilterBranch: branch,
});
