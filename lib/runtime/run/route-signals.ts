/**
 * Step two of a webhook batch: for each signal, in the order things happened, (1) find the live
 * contracts it triggers and run each one's entry decision (enroll or reject, always logged),
 * then (2) offer it to the record's other active runs, whose goals and waits it may resolve
 * (a deletion or merge ends them through the engine's system exits).
 * Records missing a property an entry filter reads are refreshed first, in batched CRM reads.
 * Each signal is marked routed when done; a job that dies midway routes the rest when it runs
 * again, and a signal a run has already consumed (its `signal_cursor`) is not offered twice.
 */
import type { Signal } from '../../engine/types';
import type { RuntimeDeps } from '../runtime-deps';
import { liveContracts } from '../store/contract-versions';
import { markSignalsRouted } from '../store/record-signals';
import { readRecordStates, recordKeyString } from '../store/record-states';
import { loadSharedStates } from '../store/shared-state';
import { writeDecisions } from '../store/write-decisions';
import { advanceRun } from './advance-run';
import { enrollRecord } from './enroll-record';
import type { LiveContract } from './engine-port';
import { recordSnapshot } from './record-snapshot';
import { refreshMissingProperties, type RefreshNeed } from './refresh-records';

export interface RouteSummary {
  signals: number;
  enrolled: number;
  rejected: number;
  offered: number;
  crmReads: number;
}

export async function routeSignals(deps: RuntimeDeps, portalId: bigint, signals: readonly { id: bigint; signal: Signal }[]): Promise<RouteSummary> {
  const summary: RouteSummary = { signals: signals.length, enrolled: 0, rejected: 0, offered: 0, crmReads: 0 };
  if (signals.length === 0) return summary;
  const live = await liveContracts(deps.db, portalId);
  const keys = signals.map(({ signal }) => ({ objectType: signal.objectType, recordId: signal.recordId }));
  let states = await readRecordStates(deps.db, portalId, keys);

  // Trigger matching needs only the signal; entry filters may need properties we lack.
  const matches = new Map<bigint, LiveContract[]>();
  const needs: RefreshNeed[] = [];
  for (const { id, signal } of signals) {
    const record = recordSnapshot(signal.objectType, signal.recordId, states.get(recordKeyString(signal)));
    const { matched, decisions } = deps.engine.matchTriggers(live, signal, record);
    matches.set(id, matched);
    if (matched.length > 0) {
      await writeDecisions(deps.db, decisions.filter((d) => d.outcome === 'matched').map((decision) => ({ portalId, objectType: signal.objectType, recordId: signal.recordId, decision })));
    }
    for (const m of matched) needs.push({ objectType: signal.objectType, recordId: signal.recordId, properties: deps.engine.propertiesUsed(m.contract) });
  }
  if (needs.length > 0) {
    summary.crmReads = await refreshMissingProperties(deps, portalId, needs);
    if (summary.crmReads > 0) states = await readRecordStates(deps.db, portalId, keys);
  }

  for (const { id, signal } of signals) {
    const key = { objectType: signal.objectType, recordId: signal.recordId };
    const enrolledNow = new Set<string>();
    for (const contract of matches.get(id) ?? []) {
      const now = deps.clock.now();
      const shared = (await loadSharedStates(deps.db, portalId, [key], now)).get(recordKeyString(key))!;
      const outcome = await enrollRecord(deps, {
        portalId,
        live: contract,
        objectType: signal.objectType,
        recordId: signal.recordId,
        via: { kind: 'trigger', signal },
        record: recordSnapshot(signal.objectType, signal.recordId, states.get(recordKeyString(key))),
        shared,
      });
      if (outcome.enrolled) {
        summary.enrolled += 1;
        enrolledNow.add(outcome.runId);
      } else summary.rejected += 1;
    }
    const active = await deps.db.run.findMany({
      where: { portalId, objectType: signal.objectType, recordId: signal.recordId, status: 'active', signalCursor: { lt: id } },
      select: { id: true },
      orderBy: { startedAt: 'asc' },
    });
    for (const run of active) {
      if (enrolledNow.has(run.id)) continue;
      summary.offered += 1;
      await advanceRun(deps, run.id, { kind: 'signal', signal }, { signalId: id });
    }
    await markSignalsRouted(deps.db, [id], deps.clock.now());
  }
  return summary;
}
