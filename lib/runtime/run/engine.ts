/** Binds the shell's engine port to the pure engine in lib/engine. */
import { advanceRun } from '../../engine/advance-run';
import { deriveSignals } from '../../engine/derive-signals';
import { evaluateEntry } from '../../engine/evaluate-entry';
import { matchStart, matchTriggers } from '../../engine/match-trigger';
import type { Decision } from '../../engine/types';
import type { EnginePort, EntryVerdict } from './engine-port';
import { propertiesUsed } from './properties-used';

export const engine: EnginePort = {
  deriveSignals,
  matchTriggers(contracts, signal) {
    const results = matchTriggers(contracts, signal, signal.occurredAt);
    return { matched: results.filter((r) => r.matched).map((r) => r.candidate), decisions: results.map((r) => r.decision) };
  },
  evaluateEntry({ contract, record, shared, portal, via, now }): EntryVerdict {
    const decisions: Decision[] = [];
    if (via.kind === 'handoff' || via.kind === 'manual') {
      const source = via.kind === 'handoff' ? { kind: 'handoff' as const, fromContract: via.fromContract, exitId: via.exitId } : via;
      const start = matchStart(contract, source, now);
      decisions.push(start.decision);
      if (!start.matched) return { accepted: false, lanes: [], priority: 0, preempt: [], reason: start.decision.reason, decisions };
    }
    const entry = evaluateEntry({ contract, record, shared, portal, now, signal: via.kind === 'trigger' ? via.signal : undefined });
    decisions.push(entry.decision);
    if (!entry.enroll) return { accepted: false, lanes: [], priority: 0, preempt: [], reason: entry.reason, decisions };
    return {
      accepted: true,
      lanes: entry.lanes,
      priority: entry.priority,
      preempt: entry.preempt.map((h) => ({ runId: h.runId, contractKey: h.contractKey })),
      reason: entry.decision.reason,
      decisions,
    };
  },
  step: (args) => advanceRun(args),
  propertiesUsed,
};
