import { describe, expect, it } from 'vitest';
import { whatIfPublish, type WhatIfRecord } from '@/lib/engine/what-if-publish';
import type { SharedState } from '@/lib/engine/types';
import { NO_SHOW, variant } from './fixtures/contracts';

const NOW = new Date('2026-11-30T12:00:00Z');
const EMPTY: SharedState = { activeRuns: [], heldLanes: [], completed: [] };
const holding = (contractKey: string, runId: string, priority = 0): SharedState => ({
  activeRuns: [{ contractKey, runId }],
  heldLanes: [{ lane: 'outreach', contractKey, runId, priority }],
  completed: [],
});
const rec = (id: string, stage: string, shared: SharedState = EMPTY): WhatIfRecord => ({
  record: { objectType: 'contact', recordId: id, properties: { lifecyclestage: stage } },
  shared,
});

const portalRecords: WhatIfRecord[] = [
  rec('1', 'lead'),
  rec('2', 'marketingqualifiedlead'),
  rec('3', 'customer'),
  rec('4', 'customer'),
  rec('5', 'lead', holding('new-lead-follow-up', 'r5')),
  rec('6', 'lead', holding('long-term-nurture', 'r6')),
  rec('7', 'lead', { ...EMPTY, completed: [{ contractKey: 'no-show-rebook', exitId: 'exit-silent', exitedAt: new Date('2026-11-25T00:00:00Z') }] }),
];

describe('whatIfPublish', () => {
  it('counts who would enter and groups the reasons of the rest', () => {
    const report = whatIfPublish(NO_SHOW, portalRecords, { now: NOW, portal: { timeZone: 'UTC' } });
    expect(report).toMatchObject({ contractKey: 'no-show-rebook', total: 7, wouldEnter: 2, wouldPreempt: 0 });
    expect(report.rejected).toEqual({ 'active-run': 0, reenroll: 1, filter: 4, 'lane-busy': 0 });
    expect(report.reasons[0]).toEqual({
      rule: 'filter',
      count: 2,
      reason: "Entry filter not met: lifecyclestage is 'customer' (test: in 'lead', 'marketingqualifiedlead', 'salesqualifiedlead').",
    });
    expect(report.samples).toHaveLength(5);
    // The filter's own `not inLane` test turns lane holders away before the lane check.
    expect(report.laneCollisions).toEqual([]);
  });

  it('reports lane collisions by lane and holding contract, with preemptions', () => {
    const open = variant(NO_SHOW, { entry: { ...NO_SHOW.entry, filter: { always: true }, onLaneBusy: 'preempt', priority: 1 } });
    const records = [...portalRecords, rec('8', 'lead', holding('new-lead-follow-up', 'r8', 5))];
    const report = whatIfPublish(open, records, { now: NOW, portal: { timeZone: 'UTC' } });
    expect(report.wouldPreempt).toBe(2);
    expect(report.rejected['lane-busy']).toBe(1);
    expect(report.laneCollisions).toEqual([
      { lane: 'outreach', records: 3, preempted: 2, holders: [{ contractKey: 'new-lead-follow-up', records: 2 }, { contractKey: 'long-term-nurture', records: 1 }] },
    ]);
  });
});
