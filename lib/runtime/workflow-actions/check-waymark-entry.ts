/**
 * "Check Waymark entry": may this record start something now, given every governed path it is
 * on? Answered synchronously from the state store (one shared-state read, and the contract's
 * entry evaluation without enrolling when a contract is named), with a decision-log row.
 * A retried request answers what the first one answered (outputs stored per callbackId).
 */
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { recordSnapshot } from '../run/record-snapshot';
import { contractByKey } from '../store/contract-versions';
import { portalContext } from '../store/portal-context';
import { readRecordStates, recordKeyString } from '../store/record-states';
import { loadSharedStates } from '../store/shared-state';
import { claimExecution } from '../store/workflow-action-executions';
import { writeDecisions } from '../store/write-decisions';
import { inputText } from '../../hubspot/actions/action-request';
import { workflowActor, type ActionCall, type OutputFields } from './action-context';

async function decide(deps: RuntimeDeps, call: ActionCall, lane: string | undefined, contractKey: string | undefined) {
  const sql = sqlOf(deps);
  const now = deps.clock.now();
  const key = { objectType: call.objectType, recordId: call.recordId };
  const shared = (await loadSharedStates(sql, call.portalId, [key], now)).get(recordKeyString(key))!;
  const activeContract = [...new Set(shared.activeRuns.map((r) => r.contractKey))].join(', ');
  const holder = lane ? shared.heldLanes.find((h) => h.lane === lane) : undefined;
  const base = { activeContract, laneHolder: holder?.contractKey ?? '' };
  if (holder) return { ...base, allowed: false, reason: `Lane busy: '${lane}' is held by ${holder.contractKey} (priority ${holder.priority}).` };
  if (contractKey) {
    const live = await contractByKey(deps.db, call.portalId, contractKey);
    if (!live) return { ...base, allowed: false, reason: `No published contract ${contractKey}.` };
    if (live.status !== 'live') return { ...base, allowed: false, reason: `${contractKey} is ${live.status}; only live contracts take new runs.` };
    if (live.contract.object !== call.objectType) return { ...base, allowed: false, reason: `${contractKey} is about ${live.contract.object} records, not ${call.objectType}.` };
    const record = recordSnapshot(call.objectType, call.recordId, (await readRecordStates(sql, call.portalId, [key])).get(recordKeyString(key)));
    const portal = await portalContext(sql, call.portalId);
    const verdict = deps.engine.evaluateEntry({ contract: live.contract, record, shared, portal, via: { kind: 'check' }, now });
    const busy = verdict.decisions.find((d) => d.inputs && typeof d.inputs === 'object' && 'lanes' in d.inputs);
    const holders = (busy?.inputs.lanes as { holders?: { contractKey: string }[] } | undefined)?.holders ?? [];
    return { ...base, laneHolder: base.laneHolder || (holders[0]?.contractKey ?? ''), allowed: verdict.accepted, reason: verdict.reason };
  }
  if (lane) return { ...base, allowed: true, reason: `Lane '${lane}' is free for this record.` };
  return activeContract
    ? { ...base, allowed: false, reason: `The record is on ${activeContract} in Waymark.` }
    : { ...base, allowed: true, reason: 'The record is on no Waymark contract.' };
}

export async function checkWaymarkEntry(deps: RuntimeDeps, call: ActionCall): Promise<OutputFields> {
  await deps.clock.sync();
  const lane = inputText(call.request, 'lane');
  const contractKey = inputText(call.request, 'contract');
  const answer = await decide(deps, call, lane, contractKey);
  const outputs: OutputFields = { allowed: String(answer.allowed), reason: answer.reason, activeContract: answer.activeContract, laneHolder: answer.laneHolder };
  const claimed = await claimExecution(sqlOf(deps), {
    portalId: call.portalId, callbackId: call.callbackId, action: 'check-entry', flowId: call.flowId,
    objectType: call.objectType, recordId: call.recordId, request: call.request, state: 'answered',
    contractKey: contractKey ?? null, outputs, outcome: answer.allowed ? 'allowed' : 'refused',
  });
  // A retry answers as the first request did (and logs nothing new).
  if (!claimed.fresh) return claimed.row.outputs ?? outputs;
  await writeDecisions(sqlOf(deps), [
    {
      portalId: call.portalId, objectType: call.objectType, recordId: call.recordId, contractKey: contractKey ?? null, actor: workflowActor(call),
      decision: {
        kind: 'native-workflow', outcome: answer.allowed ? 'allowed' : 'refused', reason: `HubSpot workflow ${call.flowId ?? ''} checked entry: ${answer.reason}`,
        inputs: { action: 'check-entry', flowId: call.flowId, callbackId: call.callbackId, lane: lane ?? null, contract: contractKey ?? null, ...outputs }, at: deps.clock.now(),
      },
    },
  ]);
  return outputs;
}
