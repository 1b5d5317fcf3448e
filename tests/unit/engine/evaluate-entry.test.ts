import { describe, expect, it } from 'vitest';
import { evaluateEntry } from '@/lib/engine/evaluate-entry';
import type { RecordSnapshot, SharedState } from '@/lib/engine/types';
import { NEW_LEAD, NO_SHOW, NURTURE, variant } from './fixtures/contracts';

const NOW = new Date('2026-11-30T12:00:00Z');
const EMPTY: SharedState = { activeRuns: [], heldLanes: [], completed: [] };
const portal = { timeZone: 'UTC' };
const lead = (properties: Record<string, string | null> = {}): RecordSnapshot => ({
  objectType: 'contact',
  recordId: '7',
  properties: { lifecyclestage: 'lead', email: 'ann@example.com', hs_email_optout: 'false', ...properties },
});
const outreachHeld: SharedState = {
  activeRuns: [{ contractKey: 'new-lead-follow-up', runId: 'r-new' }],
  heldLanes: [{ lane: 'outreach', contractKey: 'new-lead-follow-up', runId: 'r-new', priority: 0 }],
  completed: [],
};

describe('evaluateEntry', () => {
  it('enrolls an eligible no-show contact and takes the outreach lane', () => {
    const out = evaluateEntry({ contract: NO_SHOW, record: lead(), shared: EMPTY, portal, now: NOW });
    expect(out).toMatchObject({ enroll: true, lanes: ['outreach'], priority: 0, preempt: [] });
    expect(out.decision).toMatchObject({ kind: 'entry', outcome: 'enrolled', contractKey: 'no-show-rebook' });
  });

  it('rejects a contact already in the outreach lane, naming the holder', () => {
    const out = evaluateEntry({ contract: NO_SHOW, record: lead(), shared: outreachHeld, portal, now: NOW });
    expect(out.enroll).toBe(false);
    expect(out.decision.reason).toBe("Entry filter not met: the record holds lane 'outreach' through new-lead-follow-up.");
    expect(out.decision.inputs.filter).toContainEqual({ test: 'inLane', lane: 'outreach', holders: ['new-lead-follow-up'], result: true });
  });

  it('rejects on the property filter with the value it saw', () => {
    const out = evaluateEntry({ contract: NO_SHOW, record: lead({ lifecyclestage: 'customer' }), shared: EMPTY, portal, now: NOW });
    expect(out.enroll).toBe(false);
    if (!out.enroll) expect(out.reason).toContain("lifecyclestage is 'customer'");
  });

  it('rejects a second active run of the same contract', () => {
    const shared = { ...EMPTY, activeRuns: [{ contractKey: 'no-show-rebook', runId: 'r1' }] };
    expect(evaluateEntry({ contract: NO_SHOW, record: lead(), shared, portal, now: NOW }).decision.reason).toMatch(/already has an active run/);
  });

  describe('re-enrollment', () => {
    const endedOn = (iso: string, contractKey = 'no-show-rebook'): SharedState => ({ ...EMPTY, completed: [{ contractKey, exitId: 'exit-silent', exitedAt: new Date(iso) }] });
    const noFilter = (contract: typeof NO_SHOW, reenroll: unknown) =>
      variant(contract, { entry: { ...contract.entry, filter: { property: 'email', known: true }, reenroll: reenroll as 'never' } });

    it('never (the default) rejects any earlier run', () => {
      const contract = variant(NEW_LEAD, { entry: { ...NEW_LEAD.entry, filter: { property: 'email', known: true } } });
      const out = evaluateEntry({ contract, record: lead(), shared: endedOn('2025-01-01T00:00:00Z', 'new-lead-follow-up'), portal, now: NOW });
      expect(out.decision.reason).toMatch(/never re-enrolls/);
    });

    it('after P30D counts from the last exit', () => {
      const contract = noFilter(NO_SHOW, { after: 'P30D' });
      expect(evaluateEntry({ contract, record: lead(), shared: endedOn('2026-11-20T00:00:00Z'), portal, now: NOW }).decision.reason).toBe(
        'The last run of no-show-rebook ended on 2026-11-20T00:00:00.000Z (exit-silent); re-enrollment is allowed P30D later, from 2026-12-20T00:00:00.000Z.',
      );
      expect(evaluateEntry({ contract, record: lead(), shared: endedOn('2026-10-01T00:00:00Z'), portal, now: NOW }).enroll).toBe(true);
    });

    it('after_exit allows a new run once the last one ended', () => {
      const contract = noFilter(NURTURE, 'after_exit');
      expect(evaluateEntry({ contract, record: lead(), shared: endedOn('2026-11-29T00:00:00Z', 'long-term-nurture'), portal, now: NOW }).enroll).toBe(true);
    });
  });

  describe('lanes', () => {
    const open = { ...NO_SHOW.entry, filter: { always: true } as const };
    it('skip rejects when the lane is held, naming holder and priority', () => {
      const contract = variant(NO_SHOW, { entry: open });
      const out = evaluateEntry({ contract, record: lead(), shared: outreachHeld, portal, now: NOW });
      expect(out).toMatchObject({ enroll: false, rule: 'lane-busy' });
      expect(out.decision.inputs.rule).toBe('lane-busy');
      expect(out.decision.reason).toBe("Lane busy: 'outreach' is held by new-lead-follow-up (priority 0); this contract skips busy lanes.");
    });

    it('preempt with a higher priority names the holder to preempt', () => {
      const contract = variant(NO_SHOW, { entry: { ...open, onLaneBusy: 'preempt', priority: 5 } });
      const out = evaluateEntry({ contract, record: lead(), shared: outreachHeld, portal, now: NOW });
      expect(out).toMatchObject({ enroll: true, priority: 5, preempt: [{ runId: 'r-new', contractKey: 'new-lead-follow-up', lane: 'outreach' }] });
      expect(out.decision.reason).toContain('Preempts new-lead-follow-up (r-new) by priority 5.');
    });

    it('preempt with an equal or lower priority is rejected', () => {
      const contract = variant(NO_SHOW, { entry: { ...open, onLaneBusy: 'preempt', priority: 0 } });
      expect(evaluateEntry({ contract, record: lead(), shared: outreachHeld, portal, now: NOW }).decision.reason).toMatch(/needs a higher priority than 0/);
    });
  });

  it('counts the triggering change for changed: true', () => {
    const contract = variant(NO_SHOW, { entry: { ...NO_SHOW.entry, filter: { property: 'lifecyclestage', changed: true } } });
    const signal = { kind: 'property_changed', property: 'lifecyclestage', to: 'lead', objectType: 'contact', recordId: '7', occurredAt: NOW, eventIds: ['1'] } as const;
    expect(evaluateEntry({ contract, record: lead(), shared: EMPTY, portal, now: NOW, signal }).enroll).toBe(true);
    expect(evaluateEntry({ contract, record: lead(), shared: EMPTY, portal, now: NOW }).enroll).toBe(false);
  });
});
