/** The list view of a flow (`GET /automation/v4/flows` results). */
export function flowSummary(flow: Record<string, unknown>): Record<string, unknown> {
  const { id, isEnabled, flowType, name, objectTypeId, revisionId, createdAt, updatedAt, uuid } = flow;
  return { id, isEnabled, flowType, name, objectTypeId, revisionId, createdAt, updatedAt, uuid };
}
