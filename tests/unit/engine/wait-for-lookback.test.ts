/**
 * The waitFor lookback ("did this signal happen since the step began?") compares the signal's
 * `observedAt` (the runtime clock, the clock of run times) with the step's entry time; HubSpot's
 * wall-clock `occurredAt` may be days behind a fast-forwarded sandbox clock, or ahead of when
 * Waymark saw the event.
 */
import { describe, expect, it } from 'vitest';
import type { Signal } from '@/lib/engine/types';
import { Harness, at, DAY, MINUTE, T0 } from './run-harness';
import { NO_SHOW } from './fixtures/contracts';

const LEAD = { lifecyclestage: 'lead', email: 'ann@example.com', hs_lead_status: 'OPEN' };

function reply(occurredAt: Date, observedAt: Date | undefined, id: string): Signal {
  return { kind: 'event', name: 'replied', objectType: 'contact', recordId: '7', occurredAt, ...(observedAt ? { observedAt } : {}), eventIds: [id] };
}

describe('advanceRun: waitFor lookback on the runtime clock', () => {
  it('counts a reply observed during the action even when HubSpot dates it days before the step began', () => {
    // The runtime clock runs five days ahead of HubSpot's (a fast-forwarded sandbox).
    const ahead = 5 * DAY;
    const h = new Harness(NO_SHOW, LEAD);
    h.run = { ...h.run, startedAt: at(ahead), stepEnteredAt: at(ahead) };
    h.send({ kind: 'start' }, at(ahead));
    h.send({ kind: 'wake' }, at(ahead + 10 * MINUTE));
    const early = reply(at(10 * MINUTE + 500), at(ahead + 10 * MINUTE + 500), 'r1');
    h.recentSignals.push(early);
    expect(h.send({ kind: 'signal', signal: early }, at(ahead + 10 * MINUTE + 500)).commands).toEqual([]);
    const out = h.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'succeeded' }, at(ahead + 11 * MINUTE));
    expect(h.exit()?.exitId).toBe('exit-replied');
    expect(out.decisions.find((d) => d.kind === 'wait-for')?.reason).toBe('Arm 2 matched: replied (arrived before the wait began); going to exit-replied.');
  });

  it('the same reply judged by occurredAt alone (no observedAt) would be missed', () => {
    const ahead = 5 * DAY;
    const h = new Harness(NO_SHOW, LEAD);
    h.run = { ...h.run, startedAt: at(ahead), stepEnteredAt: at(ahead) };
    h.send({ kind: 'start' }, at(ahead));
    h.send({ kind: 'wake' }, at(ahead + 10 * MINUTE));
    h.recentSignals.push(reply(at(10 * MINUTE + 500), undefined, 'r1'));
    const out = h.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'succeeded' }, at(ahead + 11 * MINUTE));
    expect(out.status).toBe('active');
    expect(out.run.currentStepId).toBe('await-booking');
  });

  it('ignores a reply observed before the step began, even if HubSpot dates it later', () => {
    const h = new Harness(NO_SHOW, LEAD);
    h.send({ kind: 'start' }, T0);
    // Observed a minute after start (an earlier conversation), before send-rebook was entered.
    h.recentSignals.push(reply(at(10 * MINUTE + 500), at(MINUTE), 'old'));
    h.send({ kind: 'wake' }, at(10 * MINUTE));
    const out = h.send({ kind: 'action-result', stepId: 'send-rebook', outcome: 'succeeded' }, at(11 * MINUTE));
    expect(out.status).toBe('active');
    expect(out.run.currentStepId).toBe('await-booking');
    expect(out.decisions.find((d) => d.kind === 'wait-for')?.outcome).toBe('waiting');
  });
});
