import { describe, expect, it } from 'vitest';
import { matchStart, matchTriggers } from '@/lib/engine/match-trigger';
import type { Signal } from '@/lib/engine/types';
import { NEW_LEAD, NO_SHOW, NURTURE, variant } from './fixtures/contracts';

const NOW = new Date('2026-11-30T12:00:00Z');
const base = { objectType: 'contact', recordId: '7', occurredAt: NOW, eventIds: ['1'] };
const live = [NO_SHOW, NEW_LEAD, NURTURE].map((contract) => ({ contract, version: 1 }));
const matched = (signal: Signal) => matchTriggers(live, signal, NOW).filter((m) => m.matched).map((m) => m.candidate.contract.key);

describe('matchTriggers', () => {
  it('starts the contract whose property trigger fires with the wanted value', () => {
    expect(matched({ ...base, kind: 'property_changed', property: 'last_meeting_outcome', from: 'SCHEDULED', to: 'NO_SHOW' })).toEqual(['no-show-rebook']);
    expect(matched({ ...base, kind: 'property_changed', property: 'lifecyclestage', to: 'lead' })).toEqual(['new-lead-follow-up']);
  });

  it('explains a near miss: the right property, another value', () => {
    const out = matchTriggers(live, { ...base, kind: 'property_changed', property: 'last_meeting_outcome', to: 'COMPLETED' }, NOW);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ matched: false, decision: { kind: 'trigger', outcome: 'not-matched', contractKey: 'no-show-rebook' } });
    expect(out[0]?.decision.reason).toBe("last_meeting_outcome changed to 'COMPLETED'; the trigger wants 'NO_SHOW'.");
  });

  it('ignores unrelated signals and other object types without a decision', () => {
    expect(matchTriggers(live, { ...base, kind: 'property_changed', property: 'firstname', to: 'Ann' }, NOW)).toEqual([]);
    expect(matchTriggers(live, { ...base, objectType: 'deal', kind: 'property_changed', property: 'lifecyclestage', to: 'lead' }, NOW)).toEqual([]);
  });

  it('honours from, and refuses when the previous value is unknown', () => {
    const fromOpen = [{ contract: variant(NO_SHOW, { trigger: { event: 'property_changed', property: 'hs_lead_status', from: 'OPEN', to: 'CONNECTED' } }), version: 2 }];
    const sig = (from?: string): Signal => ({ ...base, kind: 'property_changed', property: 'hs_lead_status', ...(from ? { from } : {}), to: 'CONNECTED' });
    expect(matchTriggers(fromOpen, sig('OPEN'), NOW)[0]?.matched).toBe(true);
    expect(matchTriggers(fromOpen, sig('NEW'), NOW)[0]?.matched).toBe(false);
    expect(matchTriggers(fromOpen, sig(), NOW)[0]?.decision.reason).toMatch(/previous value is not known/);
  });

  it('record_created and association_changed', () => {
    const created = [{ contract: variant(NEW_LEAD, { trigger: { event: 'record_created' } }), version: 1 }];
    expect(matchTriggers(created, { ...base, kind: 'created' }, NOW)[0]?.matched).toBe(true);
    const assoc = [{ contract: variant(NEW_LEAD, { trigger: { event: 'association_changed', toObject: 'deal' } }), version: 1 }];
    expect(matchTriggers(assoc, { ...base, kind: 'association_changed', toObject: 'deal', toObjectId: '9', removed: false }, NOW)[0]?.matched).toBe(true);
    expect(matchTriggers(assoc, { ...base, kind: 'association_changed', toObject: 'deal', toObjectId: '9', removed: true }, NOW)[0]?.matched).toBe(false);
    expect(matchTriggers(assoc, { ...base, kind: 'association_changed', toObject: 'company', toObjectId: '9', removed: false }, NOW)).toEqual([]);
  });

  it('never starts handoff or manual contracts from a signal', () => {
    expect(matched({ ...base, kind: 'created' })).toEqual([]);
    expect(matched({ ...base, kind: 'event', name: 'replied' })).toEqual([]);
  });
});

describe('matchStart', () => {
  it('a handoff starts only a handoff contract; a person only a manual one', () => {
    const handoff = { kind: 'handoff', fromContract: 'no-show-rebook', exitId: 'exit-silent' } as const;
    expect(matchStart(NURTURE, handoff, NOW).matched).toBe(true);
    expect(matchStart(NO_SHOW, handoff, NOW)).toMatchObject({ matched: false, decision: { outcome: 'not-matched' } });
    const manual = variant(NURTURE, { trigger: { event: 'manual' } });
    expect(matchStart(manual, { kind: 'manual', actor: 'user:42' }, NOW).decision.reason).toBe('Started by user:42 from the record card.');
    expect(matchStart(NURTURE, { kind: 'manual', actor: 'user:42' }, NOW).matched).toBe(false);
  });
});

describe('trigger reasons', () => {
  it('say "empty" for a property that had no value', () => {
    const [match] = matchTriggers(live, { ...base, kind: 'property_changed', property: 'last_meeting_outcome', from: null, to: 'NO_SHOW' }, NOW);
    expect(match?.decision.reason).toBe("last_meeting_outcome changed from empty to 'NO_SHOW'.");
  });
});
