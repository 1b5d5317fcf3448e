import { describe, expect, it } from 'vitest';
import { Harness, at, DAY, MINUTE, T0 } from './run-harness';
import { NEW_LEAD, NO_SHOW, NURTURE, variant } from './fixtures/contracts';

const LEAD = { lifecyclestage: 'lead', email: 'ann@example.com', hs_lead_status: 'OPEN' };

/** A no-show run that has sent its email and waits for a booking (entered at T0 + 10 min). */
function waitingForBooking() {
  const h = new Harness(NO_SHOW, LEAD);
  h.send({ kind: 'start' }, T0);
  h.send({ kind: 'wake' }, at(10 * MINUTE));
  h.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'succeeded' }, at(11 * MINUTE));
  return h;
}

describe('advanceRun: the no-show path', () => {
  it('start enters the wait and stores its due time', () => {
    const h = new Harness(NO_SHOW, LEAD);
    const out = h.send({ kind: 'start' }, T0);
    expect(out.commands).toEqual([
      { type: 'enter-step', stepId: 'pause', at: T0 },
      { type: 'schedule-wake', at: at(10 * MINUTE), purpose: 'wait' },
    ]);
    expect(out.run).toMatchObject({ currentStepId: 'pause', seq: 1, dueAt: at(10 * MINUTE), state: { visits: { pause: 1 } } });
    expect(out.decisions[0]).toMatchObject({ kind: 'wait', outcome: 'scheduled', stepId: 'pause', inputs: { wait: 'PT10M', businessHours: false } });
  });

  it('an early wake-up only re-stores the due time', () => {
    const h = new Harness(NO_SHOW, LEAD);
    h.send({ kind: 'start' }, T0);
    const out = h.send({ kind: 'wake' }, at(5 * MINUTE));
    expect(out.commands).toEqual([{ type: 'schedule-wake', at: at(10 * MINUTE), purpose: 'wait' }]);
    expect(out.run.currentStepId).toBe('pause');
    expect(out.run.seq).toBe(1);
  });

  it('the due wake performs the email with a key from (run, step, visit)', () => {
    const h = new Harness(NO_SHOW, LEAD);
    h.send({ kind: 'start' }, T0);
    const out = h.send({ kind: 'wake' }, at(10 * MINUTE));
    expect(out.commands).toContainEqual({ type: 'perform-action', stepId: 'send-rebook', action: 'send_email', with: { template: 'rebook-1' }, idempotencyKey: 'run-1:send-rebook:1' });
    expect(out.decisions.map((d) => `${d.kind}:${d.outcome}`)).toEqual(['wait:elapsed', 'action:requested']);
    expect(out.run.dueAt).toBeNull();
  });

  it('success moves on to wait for a booking with a three-day timeout', () => {
    const h = waitingForBooking();
    expect(h.last.commands).toContainEqual({ type: 'schedule-wake', at: at(11 * MINUTE + 3 * DAY), purpose: 'timeout' });
    expect(h.run.currentStepId).toBe('await-booking');
  });

  it('a booking ends the run through exit-booked (the goal) with its effect', () => {
    const h = waitingForBooking();
    const out = h.signal({ kind: 'event', name: 'meeting_booked' }, at(DAY));
    expect(out.status).toBe('exited');
    expect(h.exit()).toEqual({
      type: 'exit',
      exitId: 'exit-booked',
      outcome: 'success',
      reason: 'Goal reached: meeting_booked.',
      effects: [{ action: 'set_property', with: { property: 'hs_lead_status', value: 'CONNECTED' }, idempotencyKey: 'run-1:exit:exit-booked:0' }],
    });
    expect(out.decisions[0]).toMatchObject({ kind: 'goal', outcome: 'reached', stepId: 'await-booking' });
  });

  it('a reply takes the waitFor arm to exit-replied', () => {
    const h = waitingForBooking();
    h.signal({ kind: 'event', name: 'replied' }, at(DAY));
    expect(h.exit()).toMatchObject({ exitId: 'exit-replied', outcome: 'handoff' });
    expect(h.last.decisions[0]).toMatchObject({ kind: 'wait-for', outcome: 'matched', reason: 'Arm 2 matched: replied; going to exit-replied.' });
  });

  it('unrelated signals change nothing', () => {
    const h = waitingForBooking();
    const out = h.signal({ kind: 'property_changed', property: 'firstname', to: 'Ann' }, at(DAY));
    expect(out).toMatchObject({ status: 'active', commands: [], decisions: [] });
  });

  it('silence for three days reaches exit-silent and hands off to nurture', () => {
    const h = waitingForBooking();
    const out = h.send({ kind: 'wake' }, at(11 * MINUTE + 3 * DAY));
    expect(out.decisions.map((d) => `${d.kind}:${d.outcome}`)).toEqual(['wait-for:timed-out', 'branch:else', 'exit:neutral']);
    expect(out.decisions[1]?.reason).toBe("No arm matched (hs_lead_status is 'OPEN' (test: eq 'UNQUALIFIED')); took else to exit-silent.");
    expect(h.exit()?.effects.map((e) => e.action)).toEqual(['add_tag', 'start_contract']);
  });

  it('an unqualified lead is disqualified at the timeout', () => {
    const h = waitingForBooking();
    h.signal({ kind: 'property_changed', property: 'hs_lead_status', to: 'UNQUALIFIED' }, at(DAY));
    h.send({ kind: 'wake' }, at(4 * DAY));
    expect(h.exit()?.exitId).toBe('exit-disqualified');
  });

  it('a permanent email failure takes onFailure to exit-send-failed, which notifies the owner', () => {
    const h = new Harness(NO_SHOW, LEAD);
    h.send({ kind: 'start' }, T0);
    h.send({ kind: 'wake' }, at(10 * MINUTE));
    const out = h.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'failed', error: 'template missing', idempotencyKey: 'run-1:send-rebook:1' }, at(10 * MINUTE));
    expect(out.decisions[0]).toMatchObject({ kind: 'action', outcome: 'failed', inputs: { error: 'template missing' } });
    expect(h.exit()).toMatchObject({ exitId: 'exit-send-failed', outcome: 'failure', effects: [{ action: 'notify', with: { to: 'owner' } }] });
  });

  it('ignores a stale or repeated action result', () => {
    const h = waitingForBooking();
    const again = h.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'succeeded' }, at(12 * MINUTE));
    expect(again).toMatchObject({ status: 'active', commands: [] });
    expect(again.decisions[0]).toMatchObject({ kind: 'action', outcome: 'ignored' });
    const h2 = new Harness(NO_SHOW, LEAD);
    h2.send({ kind: 'start' }, T0);
    h2.send({ kind: 'wake' }, at(10 * MINUTE));
    const wrongVisit = h2.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'succeeded', idempotencyKey: 'run-1:send-rebook:7' }, at(11 * MINUTE));
    expect(wrongVisit.decisions[0]?.outcome).toBe('ignored');
    expect(wrongVisit.run.currentStepId).toBe('send-rebook');
  });

  it('checks goals during a wait and during an action in flight', () => {
    const h = new Harness(NO_SHOW, LEAD);
    h.send({ kind: 'start' }, T0);
    h.signal({ kind: 'event', name: 'meeting_booked' }, at(MINUTE));
    expect(h.exit()?.exitId).toBe('exit-booked');
    const h2 = new Harness(NO_SHOW, LEAD);
    h2.send({ kind: 'start' }, T0);
    h2.send({ kind: 'wake' }, at(10 * MINUTE));
    h2.signal({ kind: 'event', name: 'meeting_booked' }, at(10 * MINUTE + 1));
    expect(h2.exit()?.exitId).toBe('exit-booked');
  });

  it('does not lose a reply that arrived while the email was being sent', () => {
    const h = new Harness(NO_SHOW, LEAD);
    h.send({ kind: 'start' }, T0);
    // A reply to an earlier conversation, before the email step began, must not count.
    h.recentSignals.push({ kind: 'event', name: 'replied', objectType: 'contact', recordId: '7', occurredAt: at(MINUTE), eventIds: ['old'] });
    h.send({ kind: 'wake' }, at(10 * MINUTE));
    // The reply arrives while the action is in flight: no goal, not waiting yet.
    const during = h.signal({ kind: 'event', name: 'replied' }, at(10 * MINUTE + 500));
    expect(during.commands).toEqual([]);
    const out = h.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'succeeded' }, at(11 * MINUTE));
    expect(h.exit()?.exitId).toBe('exit-replied');
    expect(out.decisions.find((d) => d.kind === 'wait-for')?.reason).toBe('Arm 2 matched: replied (arrived before the wait began); going to exit-replied.');
  });

  it('ends the run when the record is deleted or merged', () => {
    const h = waitingForBooking();
    h.signal({ kind: 'deleted' }, at(DAY));
    expect(h.exit()).toMatchObject({ exitId: 'system:record-deleted', outcome: 'neutral', effects: [] });
    const h2 = waitingForBooking();
    h2.signal({ kind: 'merged', into: '8' }, at(DAY));
    expect(h2.exit()).toMatchObject({ exitId: 'system:record-merged', reason: 'The record was merged into 8.' });
  });
});

describe('advanceRun: ending on request', () => {
  it('preemption uses the declared preempted exit', () => {
    const h = new Harness(NURTURE, LEAD);
    h.send({ kind: 'start' }, T0);
    h.send({ kind: 'end', exitId: 'preempted', reason: 'Preempted by no-show-rebook (priority 5).' }, at(DAY));
    expect(h.exit()).toMatchObject({ exitId: 'preempted', outcome: 'neutral', effects: [{ action: 'add_tag', with: { tag: 'nurture-preempted' } }] });
  });

  it('preemption without a declared preempted exit ends with no effects', () => {
    const h = waitingForBooking();
    h.send({ kind: 'end', exitId: 'preempted', reason: 'Preempted.' }, at(DAY));
    expect(h.exit()).toMatchObject({ exitId: 'preempted', outcome: 'neutral', effects: [] });
  });

  it('a person may end a run through a declared exit; an unknown exit is refused', () => {
    const h = waitingForBooking();
    const refused = h.send({ kind: 'end', exitId: 'nope', reason: 'x', actor: 'user:1' }, at(DAY));
    expect(refused).toMatchObject({ status: 'active', commands: [] });
    expect(refused.decisions[0]).toMatchObject({ kind: 'exit', outcome: 'refused' });
    h.send({ kind: 'end', exitId: 'exit-disqualified', reason: 'Not a fit', actor: 'user:1' }, at(DAY));
    expect(h.exit()).toMatchObject({ exitId: 'exit-disqualified', reason: 'Not a fit' });
    expect(h.last.decisions.at(-1)?.inputs).toMatchObject({ actor: 'user:1', stepId: 'await-booking' });
  });
});

describe('advanceRun: new-lead path', () => {
  it('a waitFor condition already true on entry resolves at once; branch reads numbers right', () => {
    const h = new Harness(NEW_LEAD, { ...LEAD, hs_lead_status: 'IN_PROGRESS', num_employees: '120' });
    h.send({ kind: 'start' }, T0);
    h.send({ kind: 'action-result', stepId: 'welcome', outcome: 'succeeded' }, T0);
    h.send({ kind: 'wake' }, at(2 * DAY));
    const out = h.send({ kind: 'action-result', stepId: 'owner-task', outcome: 'succeeded' }, at(2 * DAY));
    expect(out.decisions.map((d) => `${d.kind}:${d.outcome}`)).toEqual(['action:succeeded', 'wait-for:matched', 'branch:taken', 'exit:success']);
    expect(h.exit()?.exitId).toBe('exit-sql');
  });

  it('refuses a backward stage effect on exit, keeps the others, and logs it', () => {
    const h = new Harness(NEW_LEAD, { ...LEAD, lifecyclestage: 'salesqualifiedlead', num_employees: '9' });
    h.send({ kind: 'start' }, T0);
    h.send({ kind: 'action-result', stepId: 'welcome', outcome: 'succeeded' }, T0);
    h.signal({ kind: 'event', name: 'replied' }, at(DAY));
    expect(h.exit()).toMatchObject({ exitId: 'exit-nurture', effects: [{ action: 'start_contract', idempotencyKey: 'run-1:exit:exit-nurture:1' }] });
    expect(h.last.decisions.find((d) => d.kind === 'stage-refused')).toMatchObject({
      outcome: 'refused',
      inputs: { property: 'lifecyclestage', current: 'salesqualifiedlead', requested: 'marketingqualifiedlead' },
    });
  });

  it('skips a backward set_stage step (the run continues to next)', () => {
    const contract = variant(NEW_LEAD, {
      steps: [
        { id: 'demote', action: 'set_stage', with: { value: 'lead' }, next: 'exit-sql', onFailure: 'exit-unreachable' },
        ...NEW_LEAD.steps,
      ],
    });
    const h = new Harness(contract, { ...LEAD, lifecyclestage: 'opportunity' });
    const out = h.send({ kind: 'start' }, T0);
    expect(out.decisions[0]).toMatchObject({ kind: 'stage-refused', stepId: 'demote' });
    expect(out.commands.some((c) => c.type === 'perform-action')).toBe(false);
    expect(h.exit()?.exitId).toBe('exit-sql');
  });

  it('allows a forward stage write', () => {
    const contract = variant(NEW_LEAD, { steps: [{ id: 'promote', action: 'set_stage', with: { value: 'opportunity' }, next: 'exit-sql', onFailure: 'exit-unreachable' }, ...NEW_LEAD.steps] });
    const out = new Harness(contract, LEAD).send({ kind: 'start' }, T0);
    expect(out.commands).toContainEqual(expect.objectContaining({ type: 'perform-action', action: 'set_stage' }));
  });
});

describe('advanceRun: limits and loops', () => {
  it('a business-hours wait is due in the portal time zone', () => {
    const h = new Harness(NURTURE, LEAD, undefined, 'America/New_York');
    const out = h.send({ kind: 'start' }, new Date('2026-11-27T23:00:00Z')); // Friday 18:00 EST
    // Friday 18:00 EST + 30 days = Sunday 2026-12-27 18:00 → Monday 2026-12-28 09:00 EST.
    expect(out.run.dueAt).toEqual(new Date('2026-12-28T14:00:00Z'));
    expect(out.decisions[0]).toMatchObject({ inputs: { businessHours: true, timeZone: 'America/New_York' } });
  });

  it('falls back to UTC for an unknown time zone and says so', () => {
    const out = new Harness(NURTURE, LEAD, undefined, 'Nowhere/Land').send({ kind: 'start' }, T0);
    expect(out.decisions[0]?.inputs).toMatchObject({ timeZone: 'UTC', unknownTimeZone: 'Nowhere/Land' });
  });

  it('loops keep distinct idempotency keys per visit', () => {
    const h = new Harness(NURTURE, { ...LEAD, nurture_touches: '0' }, undefined, 'UTC');
    h.send({ kind: 'start' }, T0);
    h.send({ kind: 'wake' }, h.run.dueAt!);
    expect(h.pendingAction().idempotencyKey).toBe('run-1:send-digest:1');
    h.send({ kind: 'action-result', stepId: 'send-digest', outcome: 'succeeded' }, h.run.stepEnteredAt);
    h.send({ kind: 'action-result', stepId: 'count-touch', outcome: 'succeeded' }, h.run.stepEnteredAt);
    h.send({ kind: 'wake' }, h.run.dueAt!);
    expect(h.pendingAction().idempotencyKey).toBe('run-1:send-digest:2');
  });

  it('maxDuration caps the wake-up and ends an overlong run through a failure that notifies the owner', () => {
    const short = variant(NURTURE, { limits: { maxDuration: 'P10D' } });
    const h = new Harness(short, LEAD, undefined, 'UTC');
    const out = h.send({ kind: 'start' }, T0);
    expect(out.commands).toContainEqual({ type: 'schedule-wake', at: at(10 * DAY), purpose: 'max-duration' });
    h.send({ kind: 'wake' }, at(10 * DAY));
    expect(h.exit()).toMatchObject({
      exitId: 'system:max-duration',
      outcome: 'failure',
      effects: [{ action: 'notify', with: { to: 'marketing@example.com' } }],
    });
    expect(h.last.decisions[0]).toMatchObject({ kind: 'limit', outcome: 'exceeded' });
  });

  it('the instant-loop guard stops a cycle with no wait', () => {
    const looping = variant(NO_SHOW, {
      steps: [
        { id: 'a', branch: [], else: 'b' },
        { id: 'b', branch: [], else: 'a' },
      ],
    });
    const h = new Harness(looping, LEAD);
    const out = h.send({ kind: 'start' }, T0);
    expect(h.exit()).toMatchObject({ exitId: 'system:instant-loop', outcome: 'failure', effects: [{ action: 'notify', with: { to: 'revops@example.com' } }] });
    expect(out.commands.filter((c) => c.type === 'enter-step')).toHaveLength(100);
  });

  it('a reference to nothing ends the run through a failure instead of throwing', () => {
    const broken = variant(NO_SHOW, { steps: [{ id: 'pause', wait: 'PT1M', next: 'nowhere' }] });
    const h = new Harness(broken, LEAD);
    h.send({ kind: 'start' }, T0);
    h.send({ kind: 'wake' }, at(MINUTE));
    expect(h.exit()).toMatchObject({ exitId: 'system:invalid-reference', outcome: 'failure' });
  });

  it('never mutates its input', () => {
    const h = new Harness(NO_SHOW, LEAD);
    const original = h.run;
    const copy = structuredClone(original);
    h.send({ kind: 'start' }, T0);
    h.send({ kind: 'wake' }, at(10 * MINUTE));
    expect(original).toEqual(copy);
    expect(h.run.seq).toBe(2);
  });
});
