import { describe, expect, it } from 'vitest';
import { seedDemoPortals, DEMO_PORTAL_ID } from '../../../lib/sandbox/seed/seed-demo-portals';
import { SIGNALS } from '../../../lib/sandbox/signals/signal-registry';
import { recordsOf } from '../../../lib/sandbox/state/portal';
import type { RecordChange } from '../../../lib/sandbox/state/record-change';
import { SandboxState } from '../../../lib/sandbox/state/sandbox-state';

function setup() {
  const now = Date.parse('2026-11-30T10:00:00Z');
  const changes: RecordChange[] = [];
  const state = new SandboxState(() => now, (_p, change) => changes.push(change));
  seedDemoPortals(state);
  const portal = state.portal(DEMO_PORTAL_ID)!;
  const contact = [...recordsOf(portal, 'contacts').values()][0]!;
  return { portal, contact, changes, now };
}

const changed = (changes: RecordChange[], id: string) =>
  Object.fromEntries(changes.flatMap((c) => (c.kind === 'propertyChange' && c.objectType === 'contacts' && c.objectId === id ? [[c.propertyName, c.propertyValue]] : [])));

describe('demo signals', () => {
  it('reply logs an incoming email on the contact and sets the sales reply date', () => {
    const { portal, contact, changes } = setup();
    const email = SIGNALS.reply(portal, contact.id, {});
    expect(email.properties.get('hs_email_direction')).toBe('INCOMING_EMAIL');
    expect(portal.associations.list('contacts', contact.id, 'emails').map((l) => l.toId)).toEqual([email.id]);
    expect(changed(changes, contact.id)).toMatchObject({ hs_sales_email_last_replied: '2026-11-30T10:00:00.000Z' });
    SIGNALS.reply(portal, contact.id, { channel: 'marketing' });
    expect(contact.properties.get('hs_email_last_reply_date')).toBe('2026-11-30T10:00:00.000Z');
  });

  it('book-meeting creates a SCHEDULED meeting associated with the contact and sets the booked date', () => {
    const { portal, contact, changes } = setup();
    const meeting = SIGNALS['book-meeting'](portal, contact.id, {});
    expect(meeting.properties.get('hs_meeting_outcome')).toBe('SCHEDULED');
    expect(portal.associations.types('meetings', meeting.id, 'contacts', contact.id).map((t) => t.typeId)).toEqual([200]);
    expect(changed(changes, contact.id)).toMatchObject({
      engagements_last_meeting_booked: '2026-11-30T10:00:00.000Z',
      hs_latest_meeting_activity: '2026-12-01T10:00:00.000Z',
      last_meeting_outcome: 'SCHEDULED',
    });
  });

  it('no-show marks the latest meeting NO_SHOW and sets last_meeting_outcome (the example contract trigger)', () => {
    const { portal, contact, changes } = setup();
    const booked = SIGNALS['book-meeting'](portal, contact.id, {});
    changes.length = 0;
    const missed = SIGNALS['no-show'](portal, contact.id, {});
    expect(missed.id).toBe(booked.id);
    expect(missed.properties.get('hs_meeting_outcome')).toBe('NO_SHOW');
    expect(changed(changes, contact.id)).toMatchObject({ last_meeting_outcome: 'NO_SHOW' });
  });

  it('no-show without a meeting books a past one first', () => {
    const { portal, contact } = setup();
    const missed = SIGNALS['no-show'](portal, contact.id, {});
    expect(missed.properties.get('hs_meeting_start_time')).toBe('2026-11-30T09:00:00.000Z');
  });

  it('bounce sets the hard-bounce reason, counts the bounce and makes later sends fail', () => {
    const { portal, contact, changes } = setup();
    SIGNALS.bounce(portal, contact.id, {});
    SIGNALS.bounce(portal, contact.id, { reason: 'MAILBOX_FULL' });
    expect(changed(changes, contact.id)).toMatchObject({ hs_email_hard_bounce_reason_enum: 'MAILBOX_FULL', hs_email_bounce: '2' });
    expect(portal.emailFailures.get(contact.id)).toBe('PREVIOUSLY_BOUNCED');
  });
});
