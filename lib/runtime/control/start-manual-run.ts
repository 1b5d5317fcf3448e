/**
 * A person starts a manual-trigger contract for a record from the record panel. Goes through
 * the normal entry evaluation (the trigger must be `manual`, then filter, lanes, re-enrollment);
 * the outcome is a logged decision naming the person.
 */
import type { RuntimeDeps } from '../runtime-deps';
import { enrollRecord, type EnrollOutcome } from '../run/enroll-record';
import { contractByKey, UnrunnableVersionError } from '../store/contract-versions';

export async function startManualRun(
  deps: RuntimeDeps,
  input: { portalId: bigint; contractKey: string; objectType: string; recordId: string; actor: string },
): Promise<EnrollOutcome | { enrolled: false; reason: string; notFound: true }> {
  await deps.clock.sync();
  const live = await contractByKey(deps.db, input.portalId, input.contractKey).catch((error: unknown) => {
    if (error instanceof UnrunnableVersionError) return { unrunnable: error.problem } as const;
    throw error;
  });
  if (live && 'unrunnable' in live) {
    return { enrolled: false, reason: `${input.contractKey}'s live version cannot run (${live.unrunnable}); publish a corrected version` };
  }
  if (!live) return { enrolled: false, reason: `No published contract ${input.contractKey}`, notFound: true };
  if (live.status !== 'live') return { enrolled: false, reason: `${input.contractKey} is ${live.status}; only live contracts take new runs` };
  if (live.contract.object !== input.objectType) return { enrolled: false, reason: `${input.contractKey} is about ${live.contract.object} records, not ${input.objectType}` };
  return enrollRecord(deps, {
    portalId: input.portalId,
    live,
    objectType: input.objectType,
    recordId: input.recordId,
    via: { kind: 'manual', actor: input.actor },
    actor: input.actor,
  });
}
