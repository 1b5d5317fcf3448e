/**
 * The native workflow engine's side of custom actions, as the sandbox emulates it: walks an
 * enrollment through its flow's actions from the current one. An app action (`1-<definitionId>`)
 * is a signed POST to the action URL (v2 + v3 signatures, like HubSpot's signed requests);
 * `hs_execution_state: BLOCK` parks the enrollment until the app completes the callback
 * (`POST /automation/v4/actions/callbacks/{callbackId}/complete`), which resumes it here with the
 * output fields. `STATIC_BRANCH` follows the branch whose value equals an earlier action's
 * output; set-property (`0-5`) writes the record; other built-ins are logged and passed over.
 * Every step lands in the enrollment's log, which the record page shows on the timeline.
 */
import { signatureHeaders } from '../../hubspot/signature';
import { OBJECT_TYPES, type ObjectType } from '../state/object-types';
import type { Portal } from '../state/portal';
import { updateRecord } from '../state/record-writer';
import type { SandboxApp } from '../state/sandbox-app';
import type { ActionDefinition } from './action-definitions';
import type { FlowEnrollment } from './enrollment-store';

export interface EngineDeps {
  portal: Portal;
  app: SandboxApp;
  definitions: readonly ActionDefinition[];
  /** Origin the production action URL maps to (the local app, as `hs project dev` would proxy). */
  appOrigin: string;
}

type FlowAction = Record<string, unknown> & { actionId: string; type: string };
type Connection = { nextActionId?: string } | undefined;

const typeOf = (typeId: string): ObjectType => (Object.entries(OBJECT_TYPES).find(([, v]) => v.id === typeId)?.[0] as ObjectType) ?? 'contacts';
const fieldValue = (v: unknown) => (v && typeof v === 'object' && 'staticValue' in v ? String((v as { staticValue: unknown }).staticValue) : String(v ?? ''));

function note(deps: EngineDeps, e: FlowEnrollment, actionId: string | null, text: string) {
  e.log.push({ at: deps.portal.now(), actionId, text });
}

async function callApp(deps: EngineDeps, e: FlowEnrollment, action: FlowAction, definition: ActionDefinition): Promise<Record<string, string> | null> {
  const url = new URL(definition.actionUrl);
  const target = `${deps.appOrigin}${url.pathname}${url.search}`;
  const callbackId = `ap-${deps.app.appId}-${deps.portal.id}-${e.id}-${action.actionId}`;
  const fields = (action.fields ?? {}) as Record<string, unknown>;
  const body = JSON.stringify({
    callbackId,
    origin: { portalId: deps.portal.id, actionDefinitionId: definition.definitionId, actionDefinitionVersion: 1 },
    context: { source: 'WORKFLOWS', workflowId: Number(e.flowId) },
    object: { objectId: Number(e.objectId), objectType: OBJECT_TYPES[typeOf(e.objectTypeId)].singular.toUpperCase() },
    inputFields: Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, fieldValue(v)])),
  });
  for (let attempt = 0; attempt < 3; attempt++) {
    const headers = signatureHeaders(deps.app.clientSecret, { method: 'POST', uri: target, rawBody: body, timestamp: String(deps.portal.now()), legacyVersion: 'v2' });
    try {
      const response = await fetch(target, { method: 'POST', body, redirect: 'manual', headers: { 'content-type': 'application/json', ...headers } });
      const answer = (await response.json().catch(() => ({}))) as { outputFields?: Record<string, unknown> };
      if (response.ok) {
        const outputs = Object.fromEntries(Object.entries(answer.outputFields ?? {}).map(([k, v]) => [k, String(v)]));
        if (outputs.hs_execution_state === 'BLOCK') {
          e.status = 'blocked';
          e.callbackId = callbackId;
          note(deps, e, action.actionId, `${definition.name}: waiting for Waymark (blocked, expires after ${outputs.hs_expiration_duration ?? 'P7D'})`);
          return null;
        }
        return outputs;
      }
      // HubSpot retries 5xx and 429; a 4xx fails the action and the workflow continues.
      if (response.status < 500 && response.status !== 429) {
        note(deps, e, action.actionId, `${definition.name} failed: HTTP ${response.status}`);
        return {};
      }
    } catch (error) {
      note(deps, e, action.actionId, `${definition.name}: connection failed (${(error as Error).message}), retrying`);
    }
  }
  note(deps, e, action.actionId, `${definition.name} failed after 3 attempts`);
  return {};
}

function describeOutputs(outputs: Record<string, string>): string {
  return Object.entries(outputs).filter(([k]) => !k.startsWith('hs_')).map(([k, v]) => `${k} = ${v || '(empty)'}`).join(', ');
}

/** Runs the enrollment until it blocks, fails or reaches the end of its flow. */
export async function runEnrollment(deps: EngineDeps, e: FlowEnrollment): Promise<void> {
  const flow = deps.portal.flows.get(e.flowId);
  const actions = new Map(((flow?.actions ?? []) as FlowAction[]).map((a) => [String(a.actionId), a]));
  for (let guard = 0; e.currentActionId && guard < 100; guard++) {
    const action = actions.get(e.currentActionId);
    if (!action) break;
    let next: Connection = action.connection as Connection;
    if (action.type === 'STATIC_BRANCH') {
      const input = action.inputValue as { actionId: string; dataKey: string };
      const value = e.outputs[input.actionId]?.[input.dataKey] ?? '';
      const branch = ((action.staticBranches ?? []) as { branchValue: string; connection: Connection }[]).find((b) => b.branchValue === value);
      next = branch ? branch.connection : (action.defaultBranch as Connection);
      note(deps, e, action.actionId, `Branch on ${input.dataKey}: ${branch ? `"${value}"` : `${String(action.defaultBranchName ?? 'None met')} (value "${value}")`}`);
    } else {
      const definition = deps.definitions.find((d) => d.actionTypeId === action.actionTypeId);
      if (definition) {
        const outputs = await callApp(deps, e, action, definition);
        if (!outputs) return;
        e.outputs[action.actionId] = outputs;
        note(deps, e, action.actionId, `${definition.name}: ${describeOutputs(outputs) || 'done'}`);
      } else if (action.actionTypeId === '0-5') {
        const fields = action.fields as { property_name: string; value: unknown };
        updateRecord(deps.portal, typeOf(e.objectTypeId), e.objectId, { [fields.property_name]: fieldValue(fields.value) }, { changeSource: 'AUTOMATION_PLATFORM', sourceId: e.flowId });
        note(deps, e, action.actionId, `Set ${fields.property_name} to ${fieldValue(fields.value)}`);
      } else {
        note(deps, e, action.actionId, `Action ${String(action.actionTypeId)} (not emulated by the sandbox) passed`);
      }
    }
    e.currentActionId = next?.nextActionId ?? null;
  }
  e.status = 'done';
  e.callbackId = null;
  note(deps, e, null, `Finished ${e.flowName}`);
}

/** Resumes a blocked enrollment with the app's callback outputs. */
export function resumeEnrollment(deps: EngineDeps, e: FlowEnrollment, outputFields: Record<string, string>): Promise<void> {
  const actionId = e.currentActionId!;
  const flow = deps.portal.flows.get(e.flowId);
  const action = ((flow?.actions ?? []) as FlowAction[]).find((a) => String(a.actionId) === actionId);
  e.outputs[actionId] = outputFields;
  e.status = 'running';
  e.callbackId = null;
  const definition = deps.definitions.find((d) => d.actionTypeId === action?.actionTypeId);
  note(deps, e, actionId, `${definition?.name ?? 'Action'} completed by the app: ${describeOutputs(outputFields)}`);
  e.currentActionId = (action?.connection as Connection)?.nextActionId ?? null;
  return runEnrollment(deps, e);
}
