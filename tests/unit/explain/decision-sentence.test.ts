import { describe, expect, it } from 'vitest';
import { SENTENCES, decisionSentence, type DecisionView } from '../../../lib/explain/decision-sentence';
import { durationWords, humanizeText, relativeTime } from '../../../lib/explain/humanize';

const names = { 'no-show-rebook': 'No-show rebooking', 'new-lead-follow-up': 'New lead follow-up', 'long-term-nurture': 'Long-term nurture' };
const say = (d: Partial<DecisionView> & { kind: string }) =>
  decisionSentence({ outcome: '', reason: '', inputs: {}, contractKey: 'no-show-rebook', ...d }, { contractNames: names, timeZone: 'America/New_York', now: new Date('2026-12-06T12:00:00Z') });

describe('decision sentences', () => {
  it('every decision kind has a sentence in words, with no machine forms', () => {
    for (const kind of Object.keys(SENTENCES)) {
      const s = say({ kind, outcome: 'x', reason: 'Waiting PT10M, until 2026-12-06T15:00:00.000Z.', inputs: { nested: { a: 1 } } });
      expect(s, kind).not.toMatch(/\[object Object\]|PT10M|\.000Z|undefined/);
      expect(s.length, kind).toBeGreaterThan(10);
    }
  });

  it('reads entry, rejection and stage refusal as the issue words them', () => {
    expect(say({ kind: 'entry', outcome: 'enrolled', reason: 'lifecyclestage was lead and the outreach lane was free' })).toBe(
      'Entered No-show rebooking: lifecycle stage was lead and the outreach lane was free',
    );
    expect(say({ kind: 'entry', outcome: 'rejected', contractKey: 'new-lead-follow-up', reason: 'The outreach lane is held by No-show rebooking (priority 20 ≥ 10).' })).toBe(
      'Not started: New lead follow-up, the outreach lane is held by No-show rebooking (priority 20 ≥ 10)',
    );
    expect(say({ kind: 'stage-refused', outcome: 'refused', inputs: { property: 'lifecyclestage', current: 'customer', requested: 'lead' } })).toBe(
      'Refused to move lifecycle stage from customer back to lead',
    );
  });

  it('durations and times read as words in the portal time zone', () => {
    expect(say({ kind: 'wait', outcome: 'scheduled', stepId: 'pause', inputs: { dueAt: '2026-12-08T14:00:00.000Z' } })).toBe('Waiting until Tue, Dec 8, 9:00 AM (pause in No-show rebooking)');
    expect(durationWords('PT10M')).toBe('10 minutes');
    expect(durationWords('P3D')).toBe('3 days');
    expect(durationWords('P1DT2H')).toBe('1 day 2 hours');
    expect(humanizeText('Nothing matched within P3D', 'UTC')).toBe('Nothing matched within 3 days');
    expect(relativeTime('2026-12-08T12:00:00Z', new Date('2026-12-06T12:00:00Z'))).toBe('in 2 days');
    expect(relativeTime('2026-12-06T11:50:00Z', new Date('2026-12-06T12:00:00Z'))).toBe('10 minutes ago');
  });

  it('a manual exit names the person; a handoff effect names the target contract', () => {
    expect(say({ kind: 'exit', outcome: 'neutral', actor: 'hubspot-user:7', reason: 'Spoke on the phone', inputs: { exitId: 'exit-stalled' } })).toBe(
      'Exited No-show rebooking through exit-stalled (by HubSpot user 7): spoke on the phone',
    );
    expect(say({ kind: 'exit', outcome: 'effect-applied', reason: 'exit effect start_contract applied', inputs: { action: 'start_contract', result: { contractKey: 'long-term-nurture' } } })).toBe(
      'After leaving No-show rebooking: handed to Long-term nurture (done)',
    );
  });

  it('an unknown kind or a strange row falls back to a readable default, never "[object Object]"', () => {
    expect(say({ kind: 'quantum-leap', outcome: 'jumped', reason: 'It jumped.' })).toBe('Quantum leap (jumped): it jumped');
    const weird = say({ kind: 'teleport', outcome: { x: 1 } as unknown as string, reason: { y: 2 } as unknown as string, inputs: 'nope' });
    expect(weird).not.toMatch(/object Object/);
    expect(weird).toBe('Teleport');
    expect(say({ kind: 'exit', outcome: 'neutral', reason: { bad: true } as unknown as string, inputs: null })).not.toMatch(/object Object/);
  });
});
