/**
 * "Declare exit state": a native workflow records that it ended for this record in a named
 * state (record panel, audit). With `releaseLane`, the record's hold on that lane is released
 * when this same workflow took it (through "Run a Waymark contract"); a lane held by another
 * path is never released from outside. Idempotent per callbackId.
 */
import { z } from 'zod';
import { HttpError } from '../../http/http-error';
import { inputText } from '../../hubspot/actions/action-request';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { insertNativeExit, releaseLaneHeldForFlow } from '../store/native-workflow-exits';
import { claimExecution } from '../store/workflow-action-executions';
import { writeDecisions } from '../store/write-decisions';
import { workflowActor, type ActionCall, type OutputFields } from './action-context';

const exitName = z.string().regex(/^[a-z0-9][a-z0-9-]{0,79}$/, 'must be a short kebab-case name such as "meeting-booked"');

export async function declareNativeExit(deps: RuntimeDeps, call: ActionCall): Promise<OutputFields> {
  await deps.clock.sync();
  const parsed = exitName.safeParse(inputText(call.request, 'workflowExit') ?? '');
  if (!parsed.success) throw new HttpError(400, `Invalid inputFields.workflowExit: ${parsed.error.issues[0]?.message}`);
  const workflowExit = parsed.data;
  const lane = inputText(call.request, 'releaseLane');
  const sql = sqlOf(deps);
  const now = deps.clock.now();
  const released = lane ? await releaseLaneHeldForFlow(sql, { portalId: call.portalId, lane, objectType: call.objectType, recordId: call.recordId, flowId: call.flowId, at: now }) : false;
  const reason = `HubSpot workflow ${call.flowId ?? ''} ended in '${workflowExit}'${lane ? (released ? `; released lane '${lane}'` : `; lane '${lane}' was not held by this workflow`) : ''}.`;
  const outputs: OutputFields = { recorded: 'true' };
  const claimed = await claimExecution(sql, {
    portalId: call.portalId, callbackId: call.callbackId, action: 'declare-exit', flowId: call.flowId,
    objectType: call.objectType, recordId: call.recordId, request: call.request, state: 'answered', outputs, outcome: workflowExit,
  });
  if (!claimed.fresh) return claimed.row.outputs ?? outputs;
  await insertNativeExit(sql, {
    portalId: call.portalId, objectType: call.objectType, recordId: call.recordId, flowId: call.flowId,
    workflowExit, laneReleased: released ? (lane ?? null) : null, callbackId: call.callbackId, at: now,
  });
  await writeDecisions(sql, [
    {
      portalId: call.portalId, objectType: call.objectType, recordId: call.recordId, actor: workflowActor(call),
      decision: { kind: 'native-workflow', outcome: 'exit-declared', reason, inputs: { action: 'declare-exit', flowId: call.flowId, callbackId: call.callbackId, workflowExit, releaseLane: lane ?? null, released }, at: now },
    },
  ]);
  return outputs;
}
