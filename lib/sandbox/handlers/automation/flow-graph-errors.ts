/**
 * The structural checks HubSpot makes before it saves a flow: action ids are unique, every
 * connection points at an action of the flow, and `startActionId` names one. Each problem is one
 * entry of the VALIDATION_ERROR's `errors` (with `in` naming the field), so a caller sees all of
 * them at once, as with the other sandbox validation errors.
 */
import { validationError, type SandboxError } from '../../http/hubspot-errors';
import { nextActionIds, type FlowAction } from './flow-input';

interface FieldError {
  message: string;
  in: string;
  code: string;
}

export function flowGraphError(actions: readonly FlowAction[], startActionId: string | undefined): SandboxError | null {
  const errors: FieldError[] = [];
  const ids = new Set<string>();
  actions.forEach((a, index) => {
    if (ids.has(a.actionId)) errors.push({ message: `Duplicate actionId ${a.actionId}`, in: `actions.${index}.actionId`, code: 'DUPLICATE_ACTION_ID' });
    ids.add(a.actionId);
  });
  actions.forEach((a, index) => {
    for (const next of nextActionIds(a)) {
      if (!ids.has(next)) errors.push({ message: `Action ${a.actionId} connects to nextActionId ${next}, which is not an action of this flow`, in: `actions.${index}`, code: 'INVALID_NEXT_ACTION_ID' });
    }
  });
  if (startActionId !== undefined && !ids.has(startActionId)) {
    errors.push({ message: `startActionId ${startActionId} is not an action of this flow`, in: 'startActionId', code: 'INVALID_START_ACTION_ID' });
  }
  if (startActionId === undefined && actions.length > 0) {
    errors.push({ message: 'startActionId is required when the flow has actions', in: 'startActionId', code: 'REQUIRED' });
  }
  if (errors.length === 0) return null;
  return validationError(`Invalid flow: ${errors.map((e) => e.message).join('; ')}`, { errors });
}
