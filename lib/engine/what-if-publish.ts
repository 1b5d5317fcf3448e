/**
 * "What if I publish this?": runs the entry decision for a contract over a portal's current
 * records (with each record's shared state) as if its trigger fired for all of them now, and
 * reports how many would enter, why the others would not, and which lanes they would collide
 * on. Pure: the shell loads the records and shared state and serves the report.
 *
 * A lane collision is a record that passes the filter and re-enrollment policy but finds a
 * wanted lane held by another contract's run: with `skip` it is rejected, with `preempt` it
 * either preempts the holder (higher priority) or is rejected. Both are counted, by lane and
 * holding contract, so an author sees the contention before it happens.
 */
import type { Contract } from '../contracts/schema';
import { evaluateEntry, type EntryRule } from './evaluate-entry';
import type { PortalContext, RecordSnapshot, SharedState } from './types';

/** One record with its shared-state answers. */
export interface WhatIfRecord {
  record: RecordSnapshot;
  shared: SharedState;
}

/** The report. */
export interface WhatIfReport {
  contractKey: string;
  total: number;
  wouldEnter: number;
  /** Of those entering, how many would preempt another run. */
  wouldPreempt: number;
  rejected: Record<EntryRule, number>;
  /** The most common rejection reasons, most frequent first. */
  reasons: { reason: string; rule: EntryRule; count: number }[];
  laneCollisions: { lane: string; records: number; preempted: number; holders: { contractKey: string; records: number }[] }[];
  /** A few records and their outcome, to show as examples. */
  samples: { recordId: string; enroll: boolean; reason: string }[];
}

/** Options of the check. */
export interface WhatIfOptions {
  now: Date;
  portal: PortalContext;
  /** How many distinct reasons to list (default 10). */
  topReasons?: number;
  /** How many example records to include (default 5). */
  samples?: number;
}

/** Runs the check (see the module header). */
export function whatIfPublish(contract: Contract, records: readonly WhatIfRecord[], options: WhatIfOptions): WhatIfReport {
  const report: WhatIfReport = {
    contractKey: contract.key,
    total: records.length,
    wouldEnter: 0,
    wouldPreempt: 0,
    rejected: { 'active-run': 0, reenroll: 0, filter: 0, 'lane-busy': 0 },
    reasons: [],
    laneCollisions: [],
    samples: [],
  };
  const reasons = new Map<string, { rule: EntryRule; count: number }>();
  const lanes = new Map<string, { records: number; preempted: number; holders: Map<string, number> }>();
  const wanted = contract.entry.lanes ?? [];
  for (const { record, shared } of records) {
    const entry = evaluateEntry({ contract, record, shared, portal: options.portal, now: options.now });
    if (report.samples.length < (options.samples ?? 5)) {
      report.samples.push({ recordId: record.recordId, enroll: entry.enroll, reason: entry.enroll ? entry.decision.reason : entry.reason });
    }
    if (entry.enroll) {
      report.wouldEnter += 1;
      if (entry.preempt.length > 0) report.wouldPreempt += 1;
    } else {
      report.rejected[entry.rule] += 1;
      const seen = reasons.get(entry.reason) ?? { rule: entry.rule, count: 0 };
      seen.count += 1;
      reasons.set(entry.reason, seen);
    }
    const collides = entry.enroll ? entry.preempt.length > 0 : entry.rule === 'lane-busy';
    if (!collides) continue;
    for (const held of shared.heldLanes.filter((h) => wanted.includes(h.lane))) {
      const lane = lanes.get(held.lane) ?? { records: 0, preempted: 0, holders: new Map() };
      lane.records += 1;
      if (entry.enroll) lane.preempted += 1;
      lane.holders.set(held.contractKey, (lane.holders.get(held.contractKey) ?? 0) + 1);
      lanes.set(held.lane, lane);
    }
  }
  report.reasons = [...reasons.entries()]
    .map(([reason, { rule, count }]) => ({ reason, rule, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason))
    .slice(0, options.topReasons ?? 10);
  report.laneCollisions = [...lanes.entries()]
    .map(([lane, info]) => ({
      lane,
      records: info.records,
      preempted: info.preempted,
      holders: [...info.holders.entries()].map(([contractKey, n]) => ({ contractKey, records: n })).sort((a, b) => b.records - a.records),
    }))
    .sort((a, b) => b.records - a.records);
  return report;
}
