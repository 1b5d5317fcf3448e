/**
 * "Run a Waymark contract and wait for its exit": enrols the record through the normal entry
 * path (enroll-record.ts: trigger kind, filter, lanes, one run per record, re-entry) and answers
 * BLOCK, expiring no later than the contract's `limits.maxDuration`. The callback is completed
 * later by the keyed `complete-workflow-callback` job, never inside this request: queued by the
 * run's exit transaction (apply-step-result.ts), or at once when the entry is refused
 * (`exitId = "not-entered"` with the reason).
 *
 * Idempotent per callbackId: only the request that inserts the execution row enrols; a retry
 * (or a concurrent duplicate) answers BLOCK again and changes nothing.
 */
import { withPgTransaction } from '../store/sql';
import { enqueue } from '../../queue/enqueue';
import { inputText } from '../../hubspot/actions/action-request';
import { completeWorkflowCallbackJob, completeWorkflowCallbackKey } from '../jobs/definitions/complete-workflow-callback';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { enrollRecord, type EnrollOutcome } from '../run/enroll-record';
import type { EntryVia, LiveContract } from '../run/engine-port';
import { contractByKey } from '../store/contract-versions';
import { claimExecution, linkRunAndCompleteIfExited, markCompleting } from '../store/workflow-action-executions';
import { workflowActor, type ActionCall, type OutputFields } from './action-context';

/** HubSpot's own default block expiry is a week (docs/hubspot-workflow-actions.md); a contract without maxDuration gets that. */
export const DEFAULT_BLOCK_EXPIRATION = 'P7D';
export const NOT_ENTERED = 'not-entered';

function entryVia(live: LiveContract, call: ActionCall): EntryVia | string {
  const event = live.contract.trigger.event;
  const who = `HubSpot workflow ${call.flowId ?? '(unknown)'}`;
  if (event === 'manual') return { kind: 'manual', actor: who };
  if (event === 'handoff') return { kind: 'handoff', fromRunId: '', fromContract: who, exitId: 'run-contract' };
  return `${live.key} starts on ${event}; a workflow can only run contracts with a manual or handoff trigger.`;
}

async function enrol(deps: RuntimeDeps, call: ActionCall, live: LiveContract | null, key: string | undefined): Promise<EnrollOutcome> {
  if (!key) return { enrolled: false, reason: 'No contract was named in the action.' };
  if (!live) return { enrolled: false, reason: `No published contract ${key}.` };
  if (live.status !== 'live') return { enrolled: false, reason: `${key} is ${live.status}; only live contracts take new runs.` };
  if (live.contract.object !== call.objectType) return { enrolled: false, reason: `${key} is about ${live.contract.object} records, not ${call.objectType}.` };
  const via = entryVia(live, call);
  if (typeof via === 'string') return { enrolled: false, reason: via };
  const actor = workflowActor(call);
  return enrollRecord(deps, { portalId: call.portalId, live, objectType: call.objectType, recordId: call.recordId, via, actor });
}

async function queueCompletion(deps: RuntimeDeps, executionId: string, outputs?: OutputFields): Promise<void> {
  await withPgTransaction(deps.sql, async (sql, executor) => {
    if (outputs && !(await markCompleting(sql, executionId, outputs, NOT_ENTERED))) return;
    await enqueue(executor, completeWorkflowCallbackJob, { executionId }, { jobKey: completeWorkflowCallbackKey(executionId), mode: 'unsafe_dedupe', maxAttempts: 25 });
  });
}

export async function runContractAndWait(deps: RuntimeDeps, call: ActionCall): Promise<OutputFields> {
  await deps.clock.sync();
  const key = inputText(call.request, 'contract');
  const live = key ? await contractByKey(deps.db, call.portalId, key) : null;
  const blocked: OutputFields = { hs_execution_state: 'BLOCK', hs_expiration_duration: live?.contract.limits?.maxDuration ?? DEFAULT_BLOCK_EXPIRATION };
  const claimed = await claimExecution(sqlOf(deps), {
    portalId: call.portalId, callbackId: call.callbackId, action: 'run-contract', flowId: call.flowId,
    objectType: call.objectType, recordId: call.recordId, request: call.request, state: 'blocked', contractKey: key ?? null,
  });
  if (!claimed.fresh) return blocked;
  const outcome = await enrol(deps, call, live, key);
  if (!outcome.enrolled) {
    await queueCompletion(deps, claimed.row.id, { exitId: NOT_ENTERED, outcome: NOT_ENTERED, reason: outcome.reason });
    return blocked;
  }
  // The exit transaction completes executions linked to its run; a run that ended before the
  // link landed is completed here instead (the state guard lets only one of the two win).
  if (await linkRunAndCompleteIfExited(sqlOf(deps), claimed.row.id, outcome.runId)) await queueCompletion(deps, claimed.row.id);
  return blocked;
}
