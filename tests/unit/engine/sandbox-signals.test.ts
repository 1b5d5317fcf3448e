/**
 * The sandbox's demo signals, delivered as the webhook events a Waymark install subscribes to,
 * derive the named events the engine waits for. Guards the mapping in derive-signals.ts against
 * drifting from what the sandbox (modelled on HubSpot) really changes.
 */
import { describe, expect, it } from 'vitest';
import { deriveSignals } from '@/lib/engine/derive-signals';
import { simulate } from '@/lib/engine/simulate';
import { simRecordSchema } from '@/lib/engine/simulation-input';
import type { Signal } from '@/lib/engine/types';
import { seedDemoPortals, DEMO_PORTAL_ID } from '@/lib/sandbox/seed/seed-demo-portals';
import { SIGNALS, type SignalName } from '@/lib/sandbox/signals/signal-registry';
import { recordsOf } from '@/lib/sandbox/state/portal';
import type { RecordChange } from '@/lib/sandbox/state/record-change';
import { SandboxState } from '@/lib/sandbox/state/sandbox-state';
import { buildEvents } from '@/lib/sandbox/webhooks/build-events';
import { defaultSubscriptions } from '@/lib/sandbox/webhooks/default-subscriptions';
import { NO_SHOW } from './fixtures/contracts';

function deliver(name: SignalName) {
  let now = Date.parse('2026-11-30T10:00:00Z');
  const changes: RecordChange[] = [];
  const state = new SandboxState(() => now, (_p, change) => changes.push(change));
  seedDemoPortals(state);
  const portal = state.portal(DEMO_PORTAL_ID)!;
  const contact = [...recordsOf(portal, 'contacts').values()][0]!;
  changes.length = 0;
  now += 60_000;
  SIGNALS[name](portal, contact.id, {});
  let eventId = 1;
  const subscriptions = defaultSubscriptions();
  const events = changes.flatMap((change) => buildEvents(change, subscriptions, { portalId: DEMO_PORTAL_ID, appId: 1 }, () => eventId++));
  const signals = deriveSignals(events, {}).signals.filter((s) => s.objectType === 'contact' && s.recordId === contact.id);
  return { signals, named: signals.flatMap((s) => (s.kind === 'event' ? [s.name] : [])) };
}

describe('sandbox demo signals → webhook events → named events', () => {
  it('reply derives replied', () => {
    expect(deliver('reply').named).toEqual(['replied']);
  });

  it('book-meeting derives meeting_booked', () => {
    expect(deliver('book-meeting').named).toEqual(['meeting_booked']);
  });

  it('bounce derives email_bounced', () => {
    expect(deliver('bounce').named).toContain('email_bounced');
  });

  it('no-show changes last_meeting_outcome to NO_SHOW, which starts the no-show contract', () => {
    const { signals } = deliver('no-show');
    const trigger = signals.find((s): s is Extract<Signal, { kind: 'property_changed' }> => s.kind === 'property_changed' && s.property === 'last_meeting_outcome' && s.to === 'NO_SHOW');
    expect(trigger).toBeDefined();
    const out = simulate(NO_SHOW, simRecordSchema.parse({ lifecyclestage: 'lead' }), [{ at: trigger!.occurredAt.toISOString(), signal: { kind: 'property_changed', property: 'last_meeting_outcome', to: 'NO_SHOW' } }]);
    expect(out.started).toBe(true);
  });
});
