import { describe, expect, it } from 'vitest';
import { simulate } from '@/lib/engine/simulate';
import { parseEventLines, simRecordSchema } from '@/lib/engine/simulation-input';
import { NEW_LEAD, NO_SHOW, NURTURE } from './fixtures/contracts';

const START = new Date('2026-11-30T15:00:00Z');
const contactLead = simRecordSchema.parse({ id: 7, properties: { lifecyclestage: 'lead', email: 'ann@example.com', hs_lead_status: 'OPEN' } });
const events = (jsonl: string) => {
  const parsed = parseEventLines(jsonl);
  expect(parsed.problems).toEqual([]);
  return parsed.events;
};
const NO_SHOW_EVENT = '{"at":"PT0S","kind":"property_changed","property":"last_meeting_outcome","to":"NO_SHOW"}';

describe('simulate: the three design examples', () => {
  it('a no-show contact that books exits exit-booked with its property set', () => {
    const out = simulate(NO_SHOW, contactLead, events(`${NO_SHOW_EVENT}\n{"at":"P1D","event":"meeting_booked"}`), { start: START });
    expect(out.ended).toBe('exited');
    expect(out.path.map((p) => p.id)).toEqual(['pause', 'send-rebook', 'await-booking', 'exit-booked']);
    expect(out.actions).toEqual([expect.objectContaining({ stepId: 'send-rebook', action: 'send_email', outcome: 'succeeded' })]);
    expect(out.exit).toMatchObject({ exitId: 'exit-booked', outcome: 'success', at: new Date('2026-12-01T15:00:00Z') });
    expect(out.record.hs_lead_status).toBe('CONNECTED');
    expect(out.decisions.map((d) => `${d.kind}:${d.outcome}`)).toEqual([
      'trigger:matched',
      'entry:enrolled',
      'wait:scheduled',
      'wait:elapsed',
      'action:requested',
      'action:succeeded',
      'wait-for:waiting',
      'goal:reached',
      'exit:success',
    ]);
  });

  it('a silent contact reaches exit-silent three days after the email and is handed to nurture', () => {
    const out = simulate(NO_SHOW, contactLead, events(NO_SHOW_EVENT), { start: START });
    expect(out.exit).toMatchObject({ exitId: 'exit-silent', at: new Date('2026-12-03T15:10:00Z') });
    expect(out.exit?.effects.map((e) => [e.action, e.with])).toEqual([
      ['add_tag', { tag: 'rebook-silent' }],
      ['start_contract', { key: 'long-term-nurture' }],
    ]);
    expect(out.tags).toEqual(['rebook-silent']);
  });

  it('a contact already in the outreach lane is rejected with the reason', () => {
    const shared = {
      activeRuns: [{ contractKey: 'new-lead-follow-up', runId: 'r1' }],
      heldLanes: [{ lane: 'outreach', contractKey: 'new-lead-follow-up', runId: 'r1', priority: 0 }],
      completed: [],
    };
    const out = simulate(NO_SHOW, contactLead, events(NO_SHOW_EVENT), { start: START, shared });
    expect(out).toMatchObject({ started: false, ended: 'not-started', exit: null, path: [] });
    expect(out.decisions.at(-1)).toMatchObject({
      kind: 'entry',
      outcome: 'rejected',
      reason: "Entry filter not met: the record holds lane 'outreach' through new-lead-follow-up.",
    });
  });

  it('a permanently failing email ends in exit-send-failed, notifying the owner', () => {
    const out = simulate(NO_SHOW, contactLead, events(NO_SHOW_EVENT), { start: START, actionOutcomes: { 'send-rebook': { outcome: 'failed', error: 'invalid recipient' } } });
    expect(out.exit).toMatchObject({ exitId: 'exit-send-failed', outcome: 'failure', effects: [{ action: 'notify', with: { to: 'owner', message: 'No-show email could not be sent' } }] });
    expect(out.decisions.find((d) => d.outcome === 'failed')?.reason).toContain('invalid recipient');
  });
});

describe('simulate: other paths', () => {
  it('waits for the trigger: unrelated or near-miss events start nothing', () => {
    const out = simulate(NO_SHOW, contactLead, events('{"at":"PT0S","kind":"property_changed","property":"last_meeting_outcome","to":"COMPLETED"}'), { start: START });
    expect(out.started).toBe(false);
    expect(out.decisions).toEqual([expect.objectContaining({ kind: 'trigger', outcome: 'not-matched' })]);
  });

  it('a handoff contract starts at the simulation start and loops with touches counted', () => {
    const record = simRecordSchema.parse({ lifecyclestage: 'marketingqualifiedlead', hs_email_optout: false, nurture_touches: 0 });
    const out = simulate(NURTURE, record, [], { start: START, portal: { timeZone: 'Europe/Berlin' } });
    expect(out.decisions[0]).toMatchObject({ kind: 'trigger', outcome: 'matched' });
    // Six monthly digests; the seventh 30-day wait would pass the P190D limit, so the limit ends
    // the run (exit-done needs a check after the sixth touch).
    expect(out.actions.filter((a) => a.action === 'send_email')).toHaveLength(6);
    expect(out.exit?.exitId).toBe('system:max-duration');
    expect(out.exit?.effects[0]).toMatchObject({ action: 'notify', with: { to: 'marketing@example.com' } });
    expect(out.record.nurture_touches).toBe(String(out.actions.filter((a) => a.action === 'set_property').length));
  });

  it('new lead: a reply leads to the size check and a small company is handed to nurture', () => {
    const out = simulate(NEW_LEAD, simRecordSchema.parse({ lifecyclestage: 'subscriber', email: 'b@example.com', num_employees: '12' }), events(
      '{"at":"PT0S","kind":"property_changed","property":"lifecyclestage","to":"lead"}\n{"at":"PT5H","event":"replied"}',
    ), { start: START });
    expect(out.path.map((p) => p.id)).toEqual(['welcome', 'await-reply', 'qualify', 'exit-nurture']);
    expect(out.record.lifecyclestage).toBe('marketingqualifiedlead');
  });

  it('stops at the horizon', () => {
    const out = simulate(NO_SHOW, contactLead, events(NO_SHOW_EVENT), { start: START, horizon: 'PT5M' });
    expect(out.ended).toBe('horizon');
    expect(out.path.map((p) => p.id)).toEqual(['pause']);
  });
});

describe('simulation input', () => {
  it('reports bad lines by number and accepts the short forms', () => {
    const parsed = parseEventLines('{"at":"P1D","event":"replied"}\n\nnot json\n{"at":"tomorrow","event":"replied"}\n{"at":"2026-12-01T10:00:00Z","kind":"property_changed","property":"n","to":5}');
    expect(parsed.events).toEqual([
      { at: 'P1D', signal: { kind: 'event', name: 'replied' } },
      { at: '2026-12-01T10:00:00Z', signal: { kind: 'property_changed', property: 'n', to: '5' } },
    ]);
    expect(parsed.problems.map((p) => p.line)).toEqual([3, 4]);
  });

  it('reads a bare property map or a wrapped record', () => {
    expect(simRecordSchema.parse({ a: 1, b: null })).toEqual({ id: 'simulated', properties: { a: '1', b: null } });
    expect(simRecordSchema.parse({ id: 5, properties: { a: true } })).toEqual({ id: '5', properties: { a: 'true' } });
  });
});
