/**
 * Pausing, resuming and retiring a contract. Pausing stops new enrollments (only `live`
 * contracts are matched) while active runs go on. Retiring also ends every active run through a
 * declared exit the operator names, each as a logged decision by the acting user; a run whose
 * version does not declare that exit is reported back and keeps running.
 */
import type { RuntimeDeps } from '../runtime-deps';
import { advanceRun } from '../run/advance-run';
import { forgetLiveContracts } from '../store/contract-versions';

export type StatusChange = { action: 'pause' } | { action: 'resume' } | { action: 'retire'; exitId: string; reason: string };

export type StatusResult =
  | { ok: true; status: 'live' | 'paused' | 'retired'; exitedRuns: number; notExited: { runId: string; reason: string }[] }
  | { ok: false; reason: string; problem: 'not-found' | 'conflict' };

export async function setContractStatus(deps: RuntimeDeps, portalId: bigint, key: string, change: StatusChange, actor: string): Promise<StatusResult> {
  const contract = await deps.db.contract.findUnique({ where: { portalId_key: { portalId, key } } });
  if (!contract) return { ok: false, reason: `No contract ${key} in portal ${portalId}`, problem: 'not-found' };
  if (!contract.liveVersionId) return { ok: false, reason: `${key} has never been published`, problem: 'conflict' };
  const status = change.action === 'pause' ? 'paused' : change.action === 'resume' ? 'live' : 'retired';
  if (contract.status === 'retired' && change.action !== 'retire') return { ok: false, reason: `${key} is retired; publish it again to bring it back`, problem: 'conflict' };
  await deps.db.contract.update({ where: { id: contract.id }, data: { status } });
  await deps.db.decisionLog.create({
    data: { portalId, contractKey: key, kind: 'contract', outcome: status, reason: `${actor} set ${key} to ${status}.`, inputs: { change }, actor, at: deps.clock.now() },
  });
  forgetLiveContracts(portalId);
  const notExited: { runId: string; reason: string }[] = [];
  let exitedRuns = 0;
  if (change.action === 'retire') {
    const runs = await deps.db.run.findMany({ where: { contractId: contract.id, status: 'active' }, select: { id: true } });
    for (const run of runs) {
      const outcome = await advanceRun(deps, run.id, { kind: 'end', exitId: change.exitId, reason: `Contract retired by ${actor}: ${change.reason}`, actor }, { actor });
      if (outcome.advanced && outcome.status === 'exited') exitedRuns += 1;
      else notExited.push({ runId: run.id, reason: outcome.advanced ? `its version has no exit '${change.exitId}'` : outcome.reason });
    }
  }
  return { ok: true, status, exitedRuns, notExited };
}
