import { describe, expect, it } from 'vitest';
import type { RecordChange } from '../../../lib/sandbox/state/record-change';
import { buildEvents } from '../../../lib/sandbox/webhooks/build-events';
import type { Subscription } from '../../../lib/sandbox/webhooks/subscription';

const target = { portalId: 62515, appId: 1000001 };
let id = 0;
const nextId = () => ++id;
const base = { occurredAt: 1_700_000_000_000, changeSource: 'CRM_UI', sourceId: 'userId:1' };
const sub = (s: Partial<Subscription> & Pick<Subscription, 'event'>): Subscription => ({ id: 7, format: 'legacy', objectType: 'contacts', active: true, ...s });

describe('buildEvents', () => {
  it('builds a legacy creation event in HubSpot shape', () => {
    const change: RecordChange = { ...base, kind: 'creation', objectType: 'contacts', objectId: '123' };
    expect(buildEvents(change, [sub({ event: 'creation' })], target, nextId)).toEqual([
      {
        eventId: expect.any(Number), subscriptionId: 7, portalId: 62515, appId: 1000001, occurredAt: base.occurredAt,
        subscriptionType: 'contact.creation', objectId: 123, changeFlag: 'CREATED', changeSource: 'CRM_UI', sourceId: 'userId:1',
      },
    ]);
  });

  it('delivers property changes only for the subscribed property name', () => {
    const change: RecordChange = { ...base, kind: 'propertyChange', objectType: 'contacts', objectId: '5', propertyName: 'lifecyclestage', propertyValue: 'lead' };
    const subs = [sub({ id: 1, event: 'propertyChange', propertyName: 'lifecyclestage' }), sub({ id: 2, event: 'propertyChange', propertyName: 'email' })];
    const events = buildEvents(change, subs, target, nextId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ subscriptionId: 1, subscriptionType: 'contact.propertyChange', propertyName: 'lifecyclestage', propertyValue: 'lead', objectId: 5 });
  });

  it('uses object.* with objectTypeId for generic subscriptions', () => {
    const change: RecordChange = { ...base, kind: 'deletion', objectType: 'deals', objectId: '9' };
    const [event] = buildEvents(change, [sub({ format: 'generic', objectType: 'deals', event: 'deletion' })], target, nextId);
    expect(event).toMatchObject({ subscriptionType: 'object.deletion', objectTypeId: '0-3', objectId: 9, changeFlag: 'DELETED' });
  });

  it('produces one association event per side, legacy names, and none for engagement types', () => {
    const change: RecordChange = {
      ...base, kind: 'associationChange', objectType: 'contacts', objectId: '1', toObjectType: 'companies', toObjectId: '2',
      associationRemoved: false, isPrimaryAssociation: true,
    };
    const subs = [sub({ id: 1, event: 'associationChange' }), sub({ id: 2, objectType: 'companies', event: 'associationChange' })];
    const events = buildEvents(change, subs, target, nextId);
    expect(events.map((e) => [e.subscriptionType, e.associationType, e.fromObjectId, e.toObjectId])).toEqual([
      ['contact.associationChange', 'CONTACT_TO_COMPANY', 1, 2],
      ['company.associationChange', 'COMPANY_TO_CONTACT', 2, 1],
    ]);
    expect(events[0]).not.toHaveProperty('associationTypeId');
    const toTask: RecordChange = { ...change, toObjectType: 'tasks' };
    expect(buildEvents(toTask, subs, target, nextId)).toEqual([]);
  });

  it('sends privacyDeletion only as the legacy contact event', () => {
    const change: RecordChange = { ...base, kind: 'privacyDeletion', objectType: 'contacts', objectId: '4' };
    expect(buildEvents(change, [sub({ event: 'privacyDeletion' })], target, nextId)).toEqual([
      expect.objectContaining({ subscriptionType: 'contact.privacyDeletion', objectId: 4 }),
    ]);
    expect(buildEvents(change, [sub({ format: 'generic', event: 'privacyDeletion' })], target, nextId)).toEqual([]);
  });

  it('carries merge details and skips inactive subscriptions', () => {
    const change: RecordChange = {
      ...base, kind: 'merge', objectType: 'contacts', objectId: '1', primaryObjectId: '1', mergedObjectIds: ['2'], newObjectId: '1', numberOfPropertiesMoved: 3,
    };
    expect(buildEvents(change, [sub({ event: 'merge' })], target, nextId)[0]).toMatchObject({
      subscriptionType: 'contact.merge', primaryObjectId: 1, mergedObjectIds: [2], newObjectId: 1, numberOfPropertiesMoved: 3,
    });
    expect(buildEvents(change, [sub({ event: 'merge', active: false })], target, nextId)).toEqual([]);
  });
});
