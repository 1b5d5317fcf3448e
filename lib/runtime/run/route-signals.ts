/**
 * Step two of a webhook batch: for each signal, in the order things happened, (1) find the live
 * contracts it triggers and run each one's entry decision (enroll or reject, always logged),
 * then (2) offer it to the record's other active runs, whose goals and waits it may resolve
 * (a deletion or merge ends them through the engine's system exits). Records missing a
 * property an entry filter reads are refreshed first, in batched CRM reads.
 *
 * For throughput the batch reads record and shared state once, keeps the shared state up to
 * date in memory as it enrolls, and writes trigger matches and rejections in one insert at the
 * end together with "routed" for every signal. Enrollments and run advances commit one by one
 * (the database settles races between concurrent batches). A job that dies midway routes its
 * signals again when it runs again: enrolled records are then rejected as already active, and a
 * signal a run has already consumed (its `signal_cursor`) is not offered twice.
 */
import type { Signal } from '../../engine/types';
import { sqlOf, type RuntimeDeps } from '../runtime-deps';
import { liveContracts } from '../store/contract-versions';
import { markSignalsRouted } from '../store/record-signals';
import { readRecordStates, recordKeyString } from '../store/record-states';
import { loadSharedStates } from '../store/shared-state';
import { withPgTransaction } from '../store/sql';
import { writeDecisions, type DecisionRow } from '../store/write-decisions';
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
  let states = await readRecordStates(sqlOf(deps), portalId, keys);
  const buffered: DecisionRow[] = [];

  // Trigger matching needs only the signal; entry filters may need properties we lack.
  const matches = new Map<bigint, LiveContract[]>();
  const needs: RefreshNeed[] = [];
  for (const { id, signal } of signals) {
    const record = recordSnapshot(signal.objectType, signal.recordId, states.get(recordKeyString(signal)));
    const { matched, decisions } = deps.engine.matchTriggers(live, signal, record);
    matches.set(id, matched);
    for (const decision of decisions) {
      if (decision.outcome === 'matched') buffered.push({ portalId, objectType: signal.objectType, recordId: signal.recordId, decision });
    }
    for (const m of matched) needs.push({ objectType: signal.objectType, recordId: signal.recordId, properties: deps.engine.propertiesUsed(m.contract) });
  }
  if (needs.length > 0) {
    summary.crmReads = await refreshMissingProperties(deps, portalId, needs, states);
    if (summary.crmReads > 0) states = await readRecordStates(sqlOf(deps), portalId, keys);
  }

  let shared = await loadSharedStates(sqlOf(deps), portalId, keys, deps.clock.now());
  const refreshShared = async (key: { objectType: string; recordId: string }) => {
    const fresh = await loadSharedStates(sqlOf(deps), portalId, [key], deps.clock.now());
    shared = new Map([...shared, ...fresh]);
  };

  for (const { id, signal } of signals) {
    const key = { objectType: signal.objectType, recordId: signal.recordId };
    const enrolledNow = new Set<string>();
    for (const contract of matches.get(id) ?? []) {
      const mine = shared.get(recordKeyString(key))!;
      const outcome = await enrollRecord(deps, {
        portalId,
        live: contract,
        objectType: signal.objectType,
        recordId: signal.recordId,
        via: { kind: 'trigger', signal },
        record: recordSnapshot(signal.objectType, signal.recordId, states.get(recordKeyString(key))),
        shared: mine,
        signalCursor: id,
        rejections: buffered,
      });
      if (!outcome.enrolled) {
        summary.rejected += 1;
        continue;
      }
      summary.enrolled += 1;
      enrolledNow.add(outcome.runId);
      if (outcome.preempted > 0) await refreshShared(key);
      const now = shared.get(recordKeyString(key))!;
      now.activeRuns.push({ contractKey: contract.key, runId: outcome.runId });
      for (const lane of outcome.lanes) now.heldLanes.push({ lane, contractKey: contract.key, runId: outcome.runId, priority: outcome.priority });
    }
    const others = shared.get(recordKeyString(key))!.activeRuns.filter((run) => !enrolledNow.has(run.runId));
    for (const run of others) {
      summary.offered += 1;
      await advanceRun(deps, run.runId, { kind: 'signal', signal }, { signalId: id });
    }
    // An offered signal may have ended runs (goals, deletion): read the record's state again.
    if (others.length > 0) await refreshShared(key);
  }
  await withPgTransaction(deps.sql, async (tx) => {
    await writeDecisions(tx, buffered);
    await markSignalsRouted(tx, signals.map((s) => s.id), deps.clock.now());
  });
  return summary;
}
