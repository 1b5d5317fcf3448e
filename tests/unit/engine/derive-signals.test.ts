import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deriveSignals, recordKey, type RecordVersionState } from '@/lib/engine/derive-signals';
import type { Signal } from '@/lib/engine/types';

let nextId = 1;
function change(objectId: number, propertyName: string, propertyValue: string, occurredAt: number, extra: object = {}) {
  return { eventId: nextId++, subscriptionId: 1, portalId: 62515, appId: 1, occurredAt, subscriptionType: 'contact.propertyChange', attemptNumber: 0, objectId, propertyName, propertyValue, changeSource: 'CRM', ...extra };
}
function lifecycle(objectId: number, type: string, occurredAt: number, extra: object = {}) {
  return { eventId: nextId++, subscriptionId: 1, portalId: 62515, occurredAt, subscriptionType: `contact.${type}`, objectId, ...extra };
}
const kinds = (signals: Signal[]) => signals.map((s) => (s.kind === 'event' ? `event:${s.name}` : s.kind === 'property_changed' ? `${s.property}=${s.to}` : s.kind));
const held = (properties: Record<string, string | null>, versions: Record<string, number> = {}): RecordVersionState => ({ properties, versions, deleted: false, mergedInto: null });

describe('deriveSignals: property changes', () => {
  it('turns a property change into a signal with the value held before', () => {
    const out = deriveSignals([change(7, 'lifecyclestage', 'lead', 1000)], { [recordKey('contact', '7')]: held({ lifecyclestage: 'subscriber' }) });
    expect(out.signals).toEqual([
      { kind: 'property_changed', objectType: 'contact', recordId: '7', property: 'lifecyclestage', from: 'subscriber', to: 'lead', occurredAt: new Date(1000), eventIds: [String(nextId - 1)] },
    ]);
    expect(out.states['contact:7']).toEqual({ properties: { lifecyclestage: 'lead' }, versions: { lifecyclestage: 1000 }, deleted: false, mergedInto: null });
  });

  it('leaves `from` out when Waymark held no value', () => {
    const [signal] = deriveSignals([change(7, 'email', 'a@b.c', 1000)], {}).signals;
    expect(signal).not.toHaveProperty('from');
  });

  it('is harmless for duplicates: the same event twice, or the same batch again', () => {
    const event = change(7, 'hs_lead_status', 'CONNECTED', 1000);
    const once = deriveSignals([event], {});
    const twice = deriveSignals([event, { ...event, eventId: 999_999 }], {});
    expect(kinds(twice.signals)).toEqual(kinds(once.signals));
    const again = deriveSignals([event], once.states);
    expect(again.signals).toEqual([]);
    expect(again.ignored[0]?.reason).toBe('hs_lead_status already holds this value');
  });

  it('lets the latest occurredAt win whatever the delivery order', () => {
    const older = change(7, 'hs_lead_status', 'OPEN', 1000);
    const newer = change(7, 'hs_lead_status', 'CONNECTED', 2000);
    const inOrder = deriveSignals([older, newer], {});
    const reversed = deriveSignals([newer, older], {});
    expect(reversed.states).toEqual(inOrder.states);
    // Delivered in separate batches, newest first: the late old value is ignored.
    const first = deriveSignals([newer], {});
    const late = deriveSignals([older], first.states);
    expect(late.signals).toEqual([]);
    expect(late.states['contact:7']?.properties.hs_lead_status).toBe('CONNECTED');
  });

  it('counts two changes of one property in the same millisecond, in event-id order', () => {
    // The sandbox's no-show without a meeting writes SCHEDULED, then NO_SHOW, in one instant.
    const first = change(7, 'last_meeting_outcome', 'SCHEDULED', 5000);
    const second = change(7, 'last_meeting_outcome', 'NO_SHOW', 5000);
    const out = deriveSignals([second, first], {});
    expect(kinds(out.signals)).toEqual(['last_meeting_outcome=SCHEDULED', 'last_meeting_outcome=NO_SHOW']);
    expect(out.states['contact:7']?.properties.last_meeting_outcome).toBe('NO_SHOW');
  });

  it('sends no signal when the value did not change', () => {
    const out = deriveSignals([change(7, 'x', 'same', 1000)], { 'contact:7': held({ x: 'same' }) });
    expect(out.signals).toEqual([]);
    expect(out.states['contact:7']?.versions.x).toBe(1000);
  });

  it('reads generic object.* events by objectTypeId', () => {
    const out = deriveSignals([{ ...change(9, 'dealstage', 'closedwon', 5), subscriptionType: 'object.propertyChange', objectTypeId: '0-3' }], {});
    expect(out.signals[0]).toMatchObject({ objectType: 'deal', recordId: '9', property: 'dealstage' });
  });

  it('reports malformed events instead of throwing', () => {
    const out = deriveSignals([{ hello: 'world' }, null, change(7, 'x', '1', 1)], {});
    expect(out.signals).toHaveLength(1);
    expect(out.ignored.filter((i) => i.reason.startsWith('not a HubSpot webhook event'))).toHaveLength(2);
  });
});

describe('deriveSignals: named events', () => {
  it('replied when a last-reply date is first set or moves forward', () => {
    expect(kinds(deriveSignals([change(7, 'hs_sales_email_last_replied', '1796032800000', 10)], {}).signals)).toEqual([
      'hs_sales_email_last_replied=1796032800000',
      'event:replied',
    ]);
    const prev = { 'contact:7': held({ hs_email_last_reply_date: '2026-11-30T10:00:00Z' }) };
    expect(kinds(deriveSignals([change(7, 'hs_email_last_reply_date', '2026-12-01T10:00:00Z', 10)], prev).signals)).toContain('event:replied');
    expect(kinds(deriveSignals([change(7, 'hs_email_last_reply_date', '2026-11-01T10:00:00Z', 10)], prev).signals)).not.toContain('event:replied');
    expect(kinds(deriveSignals([change(7, 'hs_email_last_reply_date', '', 10)], prev).signals)).not.toContain('event:replied');
  });

  it('meeting_booked when the meetings-tool booking date is set', () => {
    expect(kinds(deriveSignals([change(7, 'engagements_last_meeting_booked', '2026-12-02T15:00:00Z', 10)], {}).signals)).toContain('event:meeting_booked');
    expect(kinds(deriveSignals([change(7, 'hs_latest_meeting_activity', '2026-12-02T15:00:00Z', 10)], {}).signals)).not.toContain('event:meeting_booked');
  });

  it('email_bounced when a hard-bounce reason appears or the bounce count rises', () => {
    expect(kinds(deriveSignals([change(7, 'hs_email_hard_bounce_reason_enum', 'UNKNOWN_USER', 10)], {}).signals)).toContain('event:email_bounced');
    const prev = { 'contact:7': held({ hs_email_bounce: '1' }) };
    expect(kinds(deriveSignals([change(7, 'hs_email_bounce', '2', 10)], prev).signals)).toContain('event:email_bounced');
    expect(kinds(deriveSignals([change(7, 'hs_email_bounce', '0', 10)], prev).signals)).not.toContain('event:email_bounced');
  });
});

describe('deriveSignals: lifecycle and associations', () => {
  it('creation once, however often it is delivered', () => {
    const creation = lifecycle(7, 'creation', 100);
    const out = deriveSignals([creation, { ...creation, eventId: 123456 }], {});
    expect(kinds(out.signals)).toEqual(['created']);
    expect(deriveSignals([creation], out.states).signals).toEqual([]);
  });

  it('deletion then restore; a late deletion cannot undo a later restore', () => {
    const deletion = lifecycle(7, 'deletion', 100);
    const restore = lifecycle(7, 'restore', 200);
    const out = deriveSignals([deletion, restore], { 'contact:7': held({}) });
    expect(kinds(out.signals)).toEqual(['deleted', 'restored']);
    expect(out.states['contact:7']?.deleted).toBe(false);
    const reversedBatches = deriveSignals([deletion], deriveSignals([restore], { 'contact:7': { ...held({}), deleted: true } }).states);
    expect(reversedBatches.signals).toEqual([]);
    expect(reversedBatches.states['contact:7']?.deleted).toBe(false);
  });

  it('merge signals every record merged away, not the survivor', () => {
    const merge = lifecycle(7, 'merge', 100, { primaryObjectId: 7, mergedObjectIds: [8], newObjectId: 7, numberOfPropertiesMoved: 3 });
    const out = deriveSignals([merge], {});
    expect(out.signals).toEqual([expect.objectContaining({ kind: 'merged', recordId: '8', into: '7' })]);
    expect(out.states['contact:8']?.mergedInto).toBe('7');
    expect(deriveSignals([merge], out.states).signals).toEqual([]);
  });

  it('association changes for the record on the from side', () => {
    const event = { eventId: nextId++, occurredAt: 100, subscriptionType: 'contact.associationChange', associationType: 'CONTACT_TO_DEAL', fromObjectId: 7, toObjectId: 9, associationRemoved: false };
    const out = deriveSignals([event, { ...event, eventId: nextId++ }], {});
    expect(out.signals).toEqual([expect.objectContaining({ kind: 'association_changed', recordId: '7', toObject: 'deal', toObjectId: '9', removed: false })]);
    const generic = { ...event, subscriptionType: 'object.associationChange', fromObjectTypeId: '0-1', toObjectTypeId: '0-47', associationType: undefined };
    expect(deriveSignals([generic], {}).signals[0]).toMatchObject({ objectType: 'contact', toObject: 'meeting' });
  });
});

describe('deriveSignals: order and duplicates never change the outcome', () => {
  it('any delivery order, duplication and batching yields the same record state', () => {
    const eventArb = fc
      .uniqueArray(
        fc.record({ property: fc.constantFrom('a', 'b', 'c'), value: fc.constantFrom('x', 'y', 'z', ''), at: fc.integer({ min: 1, max: 1_000_000 }) }),
        { selector: (e) => e.at, minLength: 1, maxLength: 12 },
      )
      .map((list) => list.map((e, i) => ({ eventId: i + 1, subscriptionType: 'contact.propertyChange', objectId: 7, occurredAt: e.at, propertyName: e.property, propertyValue: e.value })));
    fc.assert(
      fc.property(eventArb, fc.infiniteStream(fc.nat()), fc.nat(), (events, randoms, cut) => {
        const reference = deriveSignals(events, {});
        // Shuffle, duplicate a few, and split into two batches at a random point.
        const shuffled = [...events, ...events.slice(0, 3)]
          .map((e) => ({ e, k: randoms.next().value as number }))
          .sort((x, y) => x.k - y.k)
          .map((x) => x.e);
        const at = cut % (shuffled.length + 1);
        const first = deriveSignals(shuffled.slice(0, at), {});
        const second = deriveSignals(shuffled.slice(at), first.states);
        expect(second.states['contact:7'] ?? first.states['contact:7']).toEqual(reference.states['contact:7']);
        // Never more property signals than distinct events.
        expect(first.signals.length + second.signals.length).toBeLessThanOrEqual(events.length);
      }),
      { numRuns: 200 },
    );
  });
});
