import { describe, expect, it } from 'vitest';
import { SandboxError } from '../../../lib/sandbox/http/hubspot-errors';
import { associate, disassociate } from '../../../lib/sandbox/state/association-writer';
import { recordsOf } from '../../../lib/sandbox/state/portal';
import type { RecordChange } from '../../../lib/sandbox/state/record-change';
import { archiveRecord, createRecord, mergeRecords, restoreRecord, updateRecord } from '../../../lib/sandbox/state/record-writer';
import { SandboxState } from '../../../lib/sandbox/state/sandbox-state';

const API = { changeSource: 'INTEGRATION', sourceId: '1' };

function setup() {
  let now = Date.parse('2026-11-30T10:00:00Z');
  const changes: RecordChange[] = [];
  const state = new SandboxState(() => now, (_portal, change) => changes.push(change));
  const portal = state.addPortal({ id: 1 });
  return { portal, changes, tick: (ms: number) => (now += ms) };
}

const errorOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error as SandboxError;
  }
  throw new Error('expected an error');
};

describe('record writer', () => {
  it('creates with system properties and notifies creation plus each set property', () => {
    const { portal, changes } = setup();
    const contact = createRecord(portal, 'contacts', { email: 'Ada@Example.com', lifecyclestage: 'lead', firstname: '' }, API);
    expect(contact.properties.get('email')).toBe('ada@example.com');
    expect(contact.properties.get('hs_object_id')).toBe(contact.id);
    expect(contact.properties.get('createdate')).toBe('2026-11-30T10:00:00.000Z');
    expect(contact.properties.get('hs_lifecyclestage_lead_date')).toBe('2026-11-30T10:00:00.000Z');
    expect(changes.map((c) => c.kind === 'propertyChange' ? c.propertyName : c.kind)).toEqual(['creation', 'email', 'lifecyclestage', 'hs_lifecyclestage_lead_date']);
  });

  it('notifies only values that really change, and keeps history', () => {
    const { portal, changes, tick } = setup();
    const contact = createRecord(portal, 'contacts', { lifecyclestage: 'lead' }, API);
    changes.length = 0;
    tick(1000);
    updateRecord(portal, 'contacts', contact.id, { lifecyclestage: 'lead', hs_lead_status: 'OPEN' }, API);
    expect(changes).toEqual([expect.objectContaining({ kind: 'propertyChange', propertyName: 'hs_lead_status', propertyValue: 'OPEN' })]);
    expect(contact.history.get('lifecyclestage')).toHaveLength(1);
    expect(contact.properties.get('lastmodifieddate')).toBe('2026-11-30T10:00:01.000Z');
  });

  it('rejects unknown properties, bad options, read-only values, bad numbers and dates in one 400', () => {
    const { portal } = setup();
    const error = errorOf(() => createRecord(portal, 'contacts', { nope: 'x', lifecyclestage: 'king', hs_email_bounce: '2' }, API));
    expect(error.status).toBe(400);
    expect(error.body.category).toBe('VALIDATION_ERROR');
    expect(String(error.body.message)).toMatch(/PROPERTY_DOESNT_EXIST.*INVALID_OPTION.*READ_ONLY_VALUE/);
    expect(errorOf(() => createRecord(portal, 'companies', { numberofemployees: 'many' }, API)).body.message).toContain('INVALID_LONG');
    expect(errorOf(() => createRecord(portal, 'deals', { closedate: 'soon' }, API)).body.message).toContain('INVALID_DATE');
    expect(createRecord(portal, 'deals', { closedate: '1767225600000' }, API).properties.get('closedate')).toBe('2026-01-01T00:00:00.000Z');
  });

  it('checks deal stages against the pipeline and fills the pipeline in', () => {
    const { portal } = setup();
    const deal = createRecord(portal, 'deals', { dealname: 'D', dealstage: 'qualifiedtobuy' }, API);
    expect(deal.properties.get('pipeline')).toBe('default');
    expect(errorOf(() => updateRecord(portal, 'deals', deal.id, { dealstage: 'nope' }, API)).body.message).toContain('INVALID_OPTION');
    expect(deal.properties.get('hs_is_closed')).toBe('false');
    updateRecord(portal, 'deals', deal.id, { dealstage: 'closedwon' }, API);
    expect([deal.properties.get('hs_is_closed'), deal.properties.get('hs_is_closed_won')]).toEqual(['true', 'true']);
    updateRecord(portal, 'deals', deal.id, { dealstage: 'closedlost' }, API);
    expect([deal.properties.get('hs_is_closed'), deal.properties.get('hs_is_closed_won')]).toEqual(['true', 'false']);
  });

  it('accepts only owners of the portal in hubspot_owner_id', () => {
    const { portal } = setup();
    const owner = portal.owners[0]!.id;
    expect(createRecord(portal, 'contacts', { hubspot_owner_id: owner }, API).properties.get('hubspot_owner_id')).toBe(owner);
    expect(errorOf(() => createRecord(portal, 'tasks', { hs_timestamp: '1', hubspot_owner_id: '999' }, API)).body.message).toContain('INVALID_OWNER_ID');
  });

  it('keeps contact emails unique (409)', () => {
    const { portal } = setup();
    const first = createRecord(portal, 'contacts', { email: 'a@b.co' }, API);
    const error = errorOf(() => createRecord(portal, 'contacts', { email: 'A@B.CO' }, API));
    expect(error.status).toBe(409);
    expect(error.body.message).toBe(`Contact already exists. Existing ID: ${first.id}`);
  });

  it('archives, restores and merges with the matching notifications', () => {
    const { portal, changes } = setup();
    const a = createRecord(portal, 'contacts', { email: 'a@x.co' }, API);
    const b = createRecord(portal, 'contacts', { email: 'b@x.co', firstname: 'Bea' }, API);
    const company = createRecord(portal, 'companies', { name: 'X' }, API);
    associate(portal, 'contacts', b.id, 'companies', company.id, API);
    changes.length = 0;
    archiveRecord(portal, 'contacts', a.id, API);
    restoreRecord(portal, 'contacts', a.id, API);
    const merged = mergeRecords(portal, 'contacts', a.id, b.id, API);
    expect(changes.map((c) => c.kind)).toEqual(['deletion', 'restore', 'merge']);
    expect(merged.properties.get('firstname')).toBe('Bea');
    expect(recordsOf(portal, 'contacts').get(b.id)).toMatchObject({ archived: true, mergedInto: a.id });
    expect(portal.associations.list('companies', company.id, 'contacts').map((l) => l.toId)).toEqual([a.id]);
  });

  it('stores associations both ways with inverse type ids, and notifies add and remove once', () => {
    const { portal, changes } = setup();
    const contact = createRecord(portal, 'contacts', {}, API);
    const company = createRecord(portal, 'companies', {}, API);
    changes.length = 0;
    associate(portal, 'contacts', contact.id, 'companies', company.id, API, [{ category: 'HUBSPOT_DEFINED', typeId: 1 }]);
    associate(portal, 'contacts', contact.id, 'companies', company.id, API);
    expect(portal.associations.types('companies', company.id, 'contacts', contact.id).map((t) => t.typeId).sort()).toEqual([2, 280]);
    disassociate(portal, 'companies', company.id, 'contacts', contact.id, API);
    expect(changes.map((c) => c.kind === 'associationChange' && c.associationRemoved)).toEqual([false, true]);
    expect(errorOf(() => associate(portal, 'contacts', contact.id, 'companies', company.id, API, [{ category: 'HUBSPOT_DEFINED', typeId: 999 }])).status).toBe(400);
  });
});
