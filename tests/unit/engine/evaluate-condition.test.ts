import { describe, expect, it } from 'vitest';
import type { Condition } from '@/lib/contracts/condition-schema';
import { evaluateCondition, type ConditionContext } from '@/lib/engine/evaluate-condition';
import type { SharedState } from '@/lib/engine/types';

const NOW = new Date('2026-11-30T12:00:00Z');
const EMPTY: SharedState = { activeRuns: [], heldLanes: [], completed: [] };
const ORDER = ['subscriber', 'lead', 'marketingqualifiedlead', 'salesqualifiedlead', 'opportunity', 'customer'];

function ctx(properties: Record<string, string | null>, extra: Partial<ConditionContext> = {}): ConditionContext {
  return { record: { objectType: 'contact', recordId: '1', properties }, shared: EMPTY, now: NOW, ...extra };
}
const run = (c: Condition, context: ConditionContext) => evaluateCondition(c, context);

describe('evaluateCondition: property tests', () => {
  const record = ctx({ num_employees: '9', lifecyclestage: 'lead', company: 'ACME Corp', email: '', optout: 'false' });

  it('eq and neq compare by meaning', () => {
    expect(run({ property: 'num_employees', eq: 9 }, record).result).toBe(true);
    expect(run({ property: 'lifecyclestage', eq: 'lead' }, record).result).toBe(true);
    expect(run({ property: 'lifecyclestage', neq: 'lead' }, record).result).toBe(false);
    expect(run({ property: 'optout', neq: true }, record).result).toBe(true);
    expect(run({ property: 'missing', neq: 'x' }, record).result).toBe(true);
  });

  it('gt/gte/lt/lte compare numbers numerically although HubSpot sends text', () => {
    expect(run({ property: 'num_employees', gte: 50 }, record).result).toBe(false);
    expect(run({ property: 'num_employees', lt: 10 }, record).result).toBe(true);
    expect(run({ property: 'num_employees', gt: '10' }, record).result).toBe(false);
    expect(run({ property: 'num_employees', lte: 9 }, record).result).toBe(true);
    expect(run({ property: 'missing', lt: 10 }, record).result).toBe(false);
  });

  it('in and notIn', () => {
    const stages = ['lead', 'marketingqualifiedlead'];
    expect(run({ property: 'lifecyclestage', in: stages }, record).result).toBe(true);
    expect(run({ property: 'lifecyclestage', notIn: stages }, record).result).toBe(false);
    expect(run({ property: 'missing', notIn: stages }, record).result).toBe(true);
  });

  it('contains ignores case; known sees empty text as unknown', () => {
    expect(run({ property: 'company', contains: 'acme' }, record).result).toBe(true);
    expect(run({ property: 'email', known: true }, record).result).toBe(false);
    expect(run({ property: 'email', known: false }, record).result).toBe(true);
    expect(run({ property: 'company', known: true }, record).result).toBe(true);
  });

  it('records the value it used and says it in plain words', () => {
    const out = run({ property: 'lifecyclestage', in: ['customer'] }, record);
    expect(out.inputs).toEqual([
      { test: 'property', property: 'lifecyclestage', operator: 'in', expected: ['customer'], actual: 'lead', result: false },
    ]);
    expect(out.fact).toBe("lifecyclestage is 'lead' (test: in 'customer')");
  });

  it('changed: in the current signal, or since the run started', () => {
    expect(run({ property: 'x', changed: true }, ctx({ x: '1' }, { changed: ['x'] })).result).toBe(true);
    expect(run({ property: 'x', changed: true }, ctx({ x: '1' }, { changed: ['y'] })).result).toBe(false);
    // Since the run started: the value differs from the run's baseline (unknown and "" are alike).
    expect(run({ property: 'x', changed: true }, ctx({ x: '2' }, { changedFrom: { x: '1' } })).result).toBe(true);
    expect(run({ property: 'x', changed: true }, ctx({ x: '1' }, { changedFrom: { x: '1' } })).result).toBe(false);
    expect(run({ property: 'x', changed: true }, ctx({ x: '' }, { changedFrom: { x: null } })).result).toBe(false);
    // Without a baseline entry nothing counts as changed (no clock-mismatched timestamps).
    expect(run({ property: 'x', changed: true }, ctx({ x: '2' }, { changedFrom: {} })).result).toBe(false);
  });
});

describe('evaluateCondition: combinators', () => {
  const record = ctx({ a: '1', b: '2' });
  it('all, any, not and always', () => {
    expect(run({ all: [{ property: 'a', eq: 1 }, { property: 'b', eq: 2 }] }, record).result).toBe(true);
    expect(run({ all: [{ property: 'a', eq: 1 }, { property: 'b', eq: 3 }] }, record).result).toBe(false);
    expect(run({ any: [{ property: 'a', eq: 5 }, { property: 'b', eq: 2 }] }, record).result).toBe(true);
    expect(run({ any: [] }, record).result).toBe(false);
    expect(run({ all: [] }, record).result).toBe(true);
    expect(run({ not: { property: 'a', eq: 1 } }, record).result).toBe(false);
    expect(run({ always: true }, record).result).toBe(true);
  });

  it('a failed all names only the failing parts', () => {
    const out = run({ all: [{ property: 'a', eq: 1 }, { property: 'b', eq: 3 }] }, record);
    expect(out.fact).toBe("b is '2' (test: eq 3)");
    expect(out.inputs).toHaveLength(2);
  });

  it('a malformed condition is false with an explanation, never a throw', () => {
    const out = run({ bogus: 1 } as unknown as Condition, record);
    expect(out.result).toBe(false);
    expect(out.inputs[0]).toMatchObject({ test: 'invalid' });
    expect(run({ property: 'a', eq: 1, neq: 2 } as unknown as Condition, record).result).toBe(false);
  });
});

describe('evaluateCondition: shared state', () => {
  const shared: SharedState = {
    activeRuns: [
      { contractKey: 'new-lead-follow-up', runId: 'r1' },
      { contractKey: 'no-show-rebook', runId: 'self' },
    ],
    heldLanes: [{ lane: 'outreach', contractKey: 'new-lead-follow-up', runId: 'r1', priority: 0 }],
    completed: [
      { contractKey: 'no-show-rebook', exitId: 'exit-silent', exitedAt: new Date('2026-11-10T00:00:00Z') },
      { contractKey: 'no-show-rebook', exitId: 'exit-booked', exitedAt: new Date('2026-09-01T00:00:00Z') },
    ],
  };
  const base = ctx({}, { shared });

  it('inContract answers from active runs, never counting the run deciding', () => {
    expect(run({ inContract: 'new-lead-follow-up' }, base).result).toBe(true);
    expect(run({ inContract: 'no-show-rebook' }, { ...base, selfRunId: 'self' }).result).toBe(false);
    expect(run({ inContract: 'any' }, { ...base, selfRunId: 'self' }).result).toBe(true);
    expect(run({ inContract: 'any' }, ctx({})).result).toBe(false);
    expect(run({ inContract: 'other' }, base).inputs[0]).toEqual({
      test: 'inContract',
      contract: 'other',
      activeContracts: ['new-lead-follow-up', 'no-show-rebook'],
      result: false,
    });
  });

  it('inLane names the holder', () => {
    const out = run({ not: { inLane: 'outreach' } }, base);
    expect(out.result).toBe(false);
    expect(out.fact).toBe("the record holds lane 'outreach' through new-lead-follow-up");
    expect(run({ inLane: 'nurture' }, base).result).toBe(false);
    expect(run({ inLane: 'outreach' }, { ...base, selfRunId: 'r1' }).result).toBe(false);
  });

  it('completed honours within and exit', () => {
    expect(run({ completed: 'no-show-rebook' }, base).result).toBe(true);
    expect(run({ completed: 'no-show-rebook', within: 'P30D' }, base).result).toBe(true);
    expect(run({ completed: 'no-show-rebook', within: 'P7D' }, base).result).toBe(false);
    expect(run({ completed: 'no-show-rebook', exit: 'exit-booked', within: 'P30D' }, base).result).toBe(false);
    expect(run({ completed: 'no-show-rebook', exit: 'exit-booked' }, base).result).toBe(true);
    expect(run({ completed: 'other' }, base).result).toBe(false);
  });
});

describe('evaluateCondition: stage shorthand', () => {
  const policy = { property: 'lifecyclestage', order: ORDER, monotonic: true };
  const record = ctx({ lifecyclestage: 'marketingqualifiedlead' }, { stagePolicy: policy });

  it('tests the stage property and orders by the stage order', () => {
    expect(run({ stage: { eq: 'marketingqualifiedlead' } }, record).result).toBe(true);
    expect(run({ stage: { gte: 'lead' } }, record).result).toBe(true);
    expect(run({ stage: { lt: 'lead' } }, record).result).toBe(false);
    expect(run({ stage: { gt: 'customer' } }, record).result).toBe(false);
  });

  it('uses the portal order when the policy omits one', () => {
    const portal = ctx({ lifecyclestage: 'customer' }, { stagePolicy: { property: 'lifecyclestage' }, stageOrders: { lifecyclestage: ORDER } });
    expect(run({ stage: { gt: 'opportunity' } }, portal).result).toBe(true);
  });

  it('is false with a reason when the contract has no stage policy', () => {
    const out = run({ stage: { eq: 'lead' } }, ctx({ lifecyclestage: 'lead' }));
    expect(out.result).toBe(false);
    expect(out.fact).toContain('stagePolicy');
  });
});
