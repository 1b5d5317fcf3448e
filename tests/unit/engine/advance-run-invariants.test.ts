/**
 * Whatever happens to a run, in whatever order, the interpreter keeps its promises: it never
 * throws, seq grows by exactly the steps entered, an exit happens once and ends the run, every
 * action key is used once, and a wake-up is never scheduled in the past.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { advanceRun } from '@/lib/engine/advance-run';
import type { RunInput, RunSnapshot, Signal, SignalBody } from '@/lib/engine/types';
import { NEW_LEAD, NO_SHOW, NURTURE } from './fixtures/contracts';

const T0 = Date.UTC(2026, 10, 30, 15);
const bodies: SignalBody[] = [
  { kind: 'event', name: 'replied' },
  { kind: 'event', name: 'meeting_booked' },
  { kind: 'event', name: 'email_bounced' },
  { kind: 'property_changed', property: 'hs_lead_status', to: 'UNQUALIFIED' },
  { kind: 'property_changed', property: 'hs_lead_status', to: 'CONNECTED' },
  { kind: 'property_changed', property: 'lifecyclestage', to: 'customer' },
  { kind: 'deleted' },
];
const step = fc.record({
  gapMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  what: fc.oneof(
    fc.constant({ kind: 'wake' as const }),
    fc.record({ kind: fc.constant('signal' as const), body: fc.constantFrom(...bodies) }),
    fc.record({ kind: fc.constant('result' as const), ok: fc.boolean() }),
  ),
});

describe('advanceRun invariants', () => {
  it('hold for any sequence of wakes, signals and action results', () => {
    fc.assert(
      fc.property(fc.constantFrom(NO_SHOW, NEW_LEAD, NURTURE), fc.array(step, { maxLength: 40 }), (contract, steps) => {
        let run: RunSnapshot = { runId: 'r', contractKey: contract.key, version: 1, currentStepId: contract.steps[0]!.id, startedAt: new Date(T0), stepEnteredAt: new Date(T0), seq: 0, state: { visits: {} } };
        let properties: Record<string, string | null> = { lifecyclestage: 'lead', hs_lead_status: 'OPEN', hs_email_optout: 'false' };
        const recent: Signal[] = [];
        const keys = new Set<string>();
        let pending: { stepId: string; key: string } | undefined;
        let now = T0;
        const send = (input: RunInput) => {
          const out = advanceRun({ contract, run, record: { objectType: 'contact', recordId: '7', properties }, shared: { activeRuns: [], heldLanes: [], completed: [] }, portal: { timeZone: 'America/New_York' }, input, now: new Date(now), recentSignals: recent });
          const entered = out.commands.filter((c) => c.type === 'enter-step').length;
          expect(out.run.seq).toBe(run.seq + entered);
          const exits = out.commands.filter((c) => c.type === 'exit');
          expect(exits.length).toBe(out.status === 'exited' ? 1 : 0);
          for (const c of out.commands) if (c.type === 'schedule-wake') expect(c.at.getTime()).toBeGreaterThanOrEqual(now);
          for (const c of out.commands) {
            if (c.type === 'perform-action') {
              expect(keys.has(c.idempotencyKey)).toBe(false);
              keys.add(c.idempotencyKey);
              pending = { stepId: c.stepId, key: c.idempotencyKey };
            }
            if (c.type === 'exit') for (const e of c.effects) expect(keys.has(e.idempotencyKey)).toBe(false);
          }
          run = out.run;
          return out.status;
        };
        if (send({ kind: 'start' }) === 'exited') return;
        for (const s of steps) {
          now += s.gapMinutes * 60_000;
          let status: string;
          if (s.what.kind === 'wake') {
            if (!run.dueAt || run.dueAt.getTime() > now) continue;
            status = send({ kind: 'wake' });
          } else if (s.what.kind === 'signal') {
            const signal = { ...s.what.body, objectType: 'contact', recordId: '7', occurredAt: new Date(now), eventIds: [String(now)] } as Signal;
            if (signal.kind === 'property_changed') properties = { ...properties, [signal.property]: signal.to };
            recent.push(signal);
            status = send({ kind: 'signal', signal });
          } else {
            if (!pending) continue;
            const answer = pending;
            pending = undefined;
            status = send({ kind: 'action-result', stepId: answer.stepId, outcome: s.what.ok ? 'succeeded' : 'failed', idempotencyKey: answer.key });
          }
          if (status === 'exited') return;
        }
      }),
      { numRuns: 300 },
    );
  });
});
