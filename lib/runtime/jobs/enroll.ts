/**
 * Handler of `enroll`: one record into one contract through the normal entry evaluation (a
 * handoff or a manual start requested asynchronously). Safe to run twice: a second run finds
 * the first one's active run and is rejected (and logged) by the entry decision.
 */
import { log } from '../../log';
import { handle } from '../../queue/worker';
import type { RuntimeDeps } from '../runtime-deps';
import { enrollRecord } from '../run/enroll-record';
import { contractByKey } from '../store/contract-versions';
import { enrollJob } from './definitions/enroll';

export const enrollHandler = (deps: RuntimeDeps) =>
  handle(enrollJob, async (payload) => {
    await deps.clock.sync();
    const portalId = BigInt(payload.portalId);
    const live = await contractByKey(deps.db, portalId, payload.contractKey);
    if (!live || live.status !== 'live') return log.warn('enroll skipped: contract not live', { contract: payload.contractKey });
    await enrollRecord(deps, {
      portalId,
      live,
      objectType: payload.objectType,
      recordId: payload.recordId,
      via: payload.via,
      actor: payload.via.kind === 'manual' ? payload.via.actor : null,
    });
  });
