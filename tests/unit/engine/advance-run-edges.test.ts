import { describe, expect, it } from 'vitest';
import { Harness, at, DAY, MINUTE, T0 } from './run-harness';
import { changedProperties } from '@/lib/engine/changed-properties';
import { NO_SHOW, NURTURE, variant } from './fixtures/contracts';

const LEAD = { lifecyclestage: 'lead', hs_lead_status: 'OPEN' };

describe('advanceRun: goals and waits by condition and property', () => {
  const contract = variant(NO_SHOW, {
    goals: [{ when: { property: 'hs_lead_status', eq: 'CONNECTED' }, exit: 'exit-booked' }],
    steps: [
      { id: 'await-owner', waitFor: [{ event: 'property_changed', property: 'hubspot_owner_id', next: 'exit-replied' }], timeout: 'P1D', onTimeout: 'exit-silent' },
    ],
  });

  it('a condition goal ends the run when a change makes it true', () => {
    const h = new Harness(contract, LEAD);
    h.send({ kind: 'start' }, T0);
    expect(h.signal({ kind: 'property_changed', property: 'hs_lead_status', to: 'IN_PROGRESS' }, at(MINUTE)).status).toBe('active');
    h.signal({ kind: 'property_changed', property: 'hs_lead_status', to: 'CONNECTED' }, at(2 * MINUTE));
    expect(h.exit()).toMatchObject({ exitId: 'exit-booked', reason: "Goal reached: hs_lead_status is 'CONNECTED' (test: eq 'CONNECTED')." });
    expect(h.last.decisions[0]?.inputs).toMatchObject({ goal: 0, condition: [{ property: 'hs_lead_status', actual: 'CONNECTED', result: true }] });
  });

  it('a property_changed arm waits for that property only', () => {
    const h = new Harness(contract, LEAD);
    h.send({ kind: 'start' }, T0);
    expect(h.signal({ kind: 'property_changed', property: 'firstname', to: 'Ann' }, at(MINUTE)).commands).toEqual([]);
    h.signal({ kind: 'property_changed', property: 'hubspot_owner_id', to: '42' }, at(2 * MINUTE));
    expect(h.exit()?.exitId).toBe('exit-replied');
  });

  it('a stale wake for a waitFor before its timeout only re-stores the timeout', () => {
    const h = new Harness(contract, LEAD);
    h.send({ kind: 'start' }, T0);
    const out = h.send({ kind: 'wake' }, at(DAY / 2));
    expect(out.commands).toEqual([{ type: 'schedule-wake', at: at(DAY), purpose: 'timeout' }]);
    expect(out.decisions).toEqual([]);
  });

  it('an action result while the run waits is ignored', () => {
    const h = new Harness(contract, LEAD);
    h.send({ kind: 'start' }, T0);
    const out = h.send({ kind: 'action-result', stepId: 'await-owner', outcome: 'succeeded' }, at(MINUTE));
    expect(out).toMatchObject({ status: 'active', commands: [] });
    expect(out.decisions[0]?.outcome).toBe('ignored');
  });

  it('a signal after the time limit ends the run through the limit, not the goal', () => {
    const limited = variant(contract, { limits: { maxDuration: 'PT1H' } });
    const h = new Harness(limited, LEAD);
    h.send({ kind: 'start' }, T0);
    h.signal({ kind: 'property_changed', property: 'hs_lead_status', to: 'CONNECTED' }, at(2 * 60 * MINUTE));
    expect(h.exit()?.exitId).toBe('system:max-duration');
  });

  it('an action in flight keeps the time limit as its only wake-up', () => {
    const limited = variant(NO_SHOW, { limits: { maxDuration: 'P2D' } });
    const h = new Harness(limited, LEAD);
    h.send({ kind: 'start' }, T0);
    const out = h.send({ kind: 'wake' }, at(10 * MINUTE));
    expect(out.commands.at(-1)).toEqual({ type: 'schedule-wake', at: at(2 * DAY), purpose: 'max-duration' });
  });
});

describe('advanceRun: a signal is used once', () => {
  const chained = variant(NO_SHOW, {
    goals: [],
    steps: [
      { id: 'first', waitFor: [{ event: 'replied', next: 'second' }], timeout: 'P1D', onTimeout: 'exit-silent' },
      { id: 'second', waitFor: [{ event: 'replied', next: 'exit-replied' }], timeout: 'P1D', onTimeout: 'exit-silent' },
    ],
  });

  it('the reply that resolved one waitFor does not also resolve the next, even as a stored copy', () => {
    const h = new Harness(chained, LEAD);
    h.send({ kind: 'start' }, T0);
    const reply = { kind: 'event', name: 'replied', objectType: 'contact', recordId: '7', occurredAt: at(MINUTE), eventIds: ['9'] } as const;
    // The shell hands the stored (revived) copy in recentSignals and the live one as input.
    h.recentSignals.push(structuredClone(reply));
    const out = h.send({ kind: 'signal', signal: reply }, at(MINUTE));
    expect(out.status).toBe('active');
    expect(out.run.currentStepId).toBe('second');
    const next = { ...reply, occurredAt: at(2 * MINUTE), eventIds: ['10'] };
    h.recentSignals.push(next);
    h.send({ kind: 'signal', signal: next }, at(2 * MINUTE));
    expect(h.exit()?.exitId).toBe('exit-replied');
  });
});

describe('advanceRun: instant loops across advances', () => {
  it('an action that fails back into itself is stopped, and the owner told', () => {
    const retrying = variant(NO_SHOW, {
      steps: [{ id: 'send', action: 'send_email', with: { template: 'x' }, next: 'exit-replied', onFailure: 'send' }],
    });
    const h = new Harness(retrying, LEAD);
    h.send({ kind: 'start' }, T0);
    let turns = 0;
    while (h.last.status === 'active' && turns++ < 500) h.send({ kind: 'action-result', stepId: 'send', outcome: 'failed', error: 'bounced' }, at(turns * MINUTE));
    expect(turns).toBe(100);
    expect(h.exit()).toMatchObject({ exitId: 'system:instant-loop', effects: [{ action: 'notify', with: { to: 'revops@example.com' } }] });
  });

  it('a wait in the cycle resets the count', () => {
    const h = new Harness(NO_SHOW, LEAD);
    h.send({ kind: 'start' }, T0);
    expect(h.run.state.stepsSinceWait).toBe(0);
    h.send({ kind: 'wake' }, at(10 * MINUTE));
    expect(h.run.state.stepsSinceWait).toBe(1);
  });
});

describe('advanceRun: changed since the run started compares values', () => {
  const clicked = '2026-10-01T10:00:00.000Z';
  const start = (h: Harness) => {
    h.send({ kind: 'start' }, T0);
    return h.run.state.baseline;
  };

  it('keeps the start values of the properties tested with changed: true', () => {
    const h = new Harness(NURTURE, { ...LEAD, hs_email_last_click_date: clicked }, undefined, 'UTC');
    expect(start(h)).toEqual({ hs_email_last_click_date: clicked });
    expect(changedProperties(NURTURE)).toEqual(['hs_email_last_click_date']);
    expect(changedProperties(NO_SHOW)).toEqual([]);
  });

  it('a re-read of the same value after the start is not a change', () => {
    const h = new Harness(NURTURE, { ...LEAD, hs_email_last_click_date: clicked, nurture_touches: '0' }, undefined, 'UTC');
    start(h);
    h.record = { ...h.record, properties: { ...h.record.properties, hs_email_last_click_date: clicked } };
    h.send({ kind: 'wake' }, h.run.dueAt!);
    expect(h.last.decisions.find((d) => d.kind === 'branch')?.outcome).toBe('else');
  });

  it('a new value is a change', () => {
    const h = new Harness(NURTURE, { ...LEAD, hs_email_last_click_date: clicked }, undefined, 'UTC');
    start(h);
    h.record = { ...h.record, properties: { ...h.record.properties, hs_email_last_click_date: '2026-12-15T10:00:00.000Z' } };
    h.send({ kind: 'wake' }, h.run.dueAt!);
    expect(h.exit()?.exitId).toBe('exit-engaged');
  });

  // A run moved (publish policy `migrate`) to a version that tests a new property has no baseline for it.
  const withoutBaseline = () => {
    const h = new Harness(NURTURE, { ...LEAD, hs_email_last_click_date: clicked }, undefined, 'UTC');
    start(h);
    h.run = { ...h.run, state: { visits: h.run.state.visits } };
    return h;
  };

  it('a run without a baseline takes the value it sees: the value it already had is no change', () => {
    const h = withoutBaseline();
    h.send({ kind: 'wake' }, h.run.dueAt!);
    expect(h.last.decisions.find((d) => d.kind === 'branch')?.outcome).toBe('else');
    expect(h.run.state.baseline).toEqual({ hs_email_last_click_date: clicked });
  });

  it('a run without a baseline takes the value before the current signal changed it, so the change counts', () => {
    const h = withoutBaseline();
    h.signal({ kind: 'property_changed', property: 'hs_email_last_click_date', from: clicked, to: '2026-12-15T10:00:00.000Z' }, at(DAY));
    expect(h.run.state.baseline).toEqual({ hs_email_last_click_date: clicked });
    h.send({ kind: 'wake' }, h.run.dueAt!);
    expect(h.exit()?.exitId).toBe('exit-engaged');
  });
});

describe('advanceRun: what a waitFor sees when it begins', () => {
  const mixed = variant(NO_SHOW, {
    goals: [],
    steps: [
      { id: 'send', action: 'send_email', with: { template: 'x' }, next: 'wait', onFailure: 'exit-send-failed' },
      {
        id: 'wait',
        waitFor: [
          { when: { property: 'hs_lead_status', eq: 'CONNECTED' }, next: 'exit-booked' },
          { event: 'replied', next: 'exit-replied' },
        ],
        timeout: 'P1D',
        onTimeout: 'exit-silent',
      },
    ],
  });

  it('an early event resolves its event arm, named as early', () => {
    const h = new Harness(mixed, LEAD);
    h.send({ kind: 'start' }, T0);
    h.signal({ kind: 'event', name: 'replied' }, at(MINUTE));
    h.send({ kind: 'action-result', stepId: 'send', outcome: 'succeeded' }, at(2 * MINUTE));
    expect(h.last.decisions.find((d) => d.kind === 'wait-for')?.reason).toBe('Arm 2 matched: replied (arrived before the wait began); going to exit-replied.');
  });

  it('a condition already true is named as such, whatever early signals there were', () => {
    const h = new Harness(mixed, LEAD);
    h.send({ kind: 'start' }, T0);
    h.signal({ kind: 'property_changed', property: 'hs_lead_status', to: 'CONNECTED' }, at(MINUTE));
    h.send({ kind: 'action-result', stepId: 'send', outcome: 'succeeded' }, at(2 * MINUTE));
    expect(h.last.decisions.find((d) => d.kind === 'wait-for')?.reason).toBe(
      "Arm 1 matched: hs_lead_status is 'CONNECTED' (test: eq 'CONNECTED') (already true when the wait began); going to exit-booked.",
    );
  });
});
