/** Builds what an action needs for one run: the record as held, the contract, the handoff hook. */
import type { CrmObjectType } from '../../hubspot/crm-port';
import type { ActionContext } from '../actions/action-context';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { contractByKey, versionContract } from '../store/contract-versions';
import { portalContext } from '../store/portal-context';
import { emptyRecordState } from '../store/merge-record-state';
import { readRecordStates, recordKeyString } from '../store/record-states';
import type { RunRow } from '../store/run-rows';
import { enrollRecord } from './enroll-record';

export async function actionContextFor(deps: RuntimeDeps, run: RunRow): Promise<Omit<ActionContext, 'idempotencyKey' | 'crm'>> {
  const key = { objectType: run.object_type, recordId: run.record_id };
  const { contract } = await versionContract(sqlOf(deps), run.contract_version_id);
  const states = await readRecordStates(sqlOf(deps), run.portal_id, [key]);
  return {
    portalId: run.portal_id,
    objectType: run.object_type as CrmObjectType,
    recordId: run.record_id,
    runId: run.id,
    contract,
    record: states.get(recordKeyString(key)) ?? emptyRecordState(),
    portal: await portalContext(sqlOf(deps), run.portal_id),
    now: deps.clock.now(),
    async handoff(contractKey) {
      const target = await contractByKey(deps.db, run.portal_id, contractKey);
      if (!target || target.status !== 'live') return { enrolled: false, reason: `contract ${contractKey} is not live` };
      const outcome = await enrollRecord(deps, {
        portalId: run.portal_id,
        live: target,
        objectType: run.object_type,
        recordId: run.record_id,
        via: { kind: 'handoff', fromRunId: run.id, fromContract: run.contract_key, exitId: run.exit_id ?? 'unknown' },
      });
      return outcome.enrolled ? { enrolled: true, reason: `started run ${outcome.runId}` } : { enrolled: false, reason: outcome.reason };
    },
  };
}
