/**
 * Seeds the demo portal 62515 (owners, lifecycle stages, contacts, companies, deals in the sales
 * pipeline, native workflows, and the custom contact properties the example contracts read) and a
 * second, almost empty portal 62516 so multi-portal behaviour is visible. Seeding emits no webhooks.
 */
import { associate } from '../state/association-writer';
import { propertiesOf } from '../state/portal';
import { defineProperty } from '../state/property-definition';
import { createRecord, type WriteOptions } from '../state/record-writer';
import type { SandboxState } from '../state/sandbox-state';
import { DEMO_COMPANIES, DEMO_CONTACTS, DEMO_DEALS, DEMO_OWNERS } from './demo-records';
import { demoActionFlows } from './demo-action-flows';
import { demoFlows } from './demo-flows';

export const DEMO_PORTAL_ID = 62515;
export const SECOND_PORTAL_ID = 62516;

const SEED: WriteOptions = { changeSource: 'CRM_UI', system: true, silent: true };

export function seedDemoPortals(state: SandboxState): void {
  const portal = state.addPortal({ id: DEMO_PORTAL_ID, domain: 'northwind-demo.example', owners: DEMO_OWNERS });
  const contactProps = propertiesOf(portal, 'contacts');
  // Custom properties (in a real portal an admin creates these; a workflow sets last_meeting_outcome).
  contactProps.set(
    'last_meeting_outcome',
    defineProperty({ name: 'last_meeting_outcome', label: 'Last meeting outcome', type: 'enumeration', custom: true, options: ['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED'] }),
  );
  contactProps.set('num_employees', defineProperty({ name: 'num_employees', label: 'Number of employees', type: 'number', custom: true }));
  // The property Waymark's add_tag/remove_tag actions write; the app has no schema-write scope, so
  // a portal admin creates it when setting Waymark up (the example contracts' exits tag contacts).
  contactProps.set('waymark_tags', defineProperty({ name: 'waymark_tags', label: 'Waymark tags', type: 'string', custom: true }));

  const owners = portal.owners;
  const companies = DEMO_COMPANIES.map((props, i) =>
    createRecord(portal, 'companies', { ...props, lifecyclestage: 'lead', hubspot_owner_id: owners[i % owners.length]!.id }, SEED),
  );
  const contacts = DEMO_CONTACTS.map((contact, i) => {
    const record = createRecord(portal, 'contacts', { ...contact.properties, hubspot_owner_id: owners[i % owners.length]!.id }, SEED);
    const company = contact.company === undefined ? undefined : companies[contact.company];
    if (company) associate(portal, 'contacts', record.id, 'companies', company.id, SEED, [{ category: 'HUBSPOT_DEFINED', typeId: 1 }]);
    return record;
  });
  DEMO_DEALS.forEach(([dealname, amount, dealstage, contactIndexes, companyIndex], i) => {
    const deal = createRecord(
      portal,
      'deals',
      { dealname, amount, dealstage, pipeline: 'default', hubspot_owner_id: owners[i % owners.length]!.id, closedate: new Date(portal.now() + (i + 1) * 14 * 86_400_000).toISOString() },
      SEED,
    );
    for (const index of contactIndexes) associate(portal, 'deals', deal.id, 'contacts', contacts[index]!.id, SEED);
    associate(portal, 'deals', deal.id, 'companies', companies[companyIndex]!.id, SEED, [{ category: 'HUBSPOT_DEFINED', typeId: 5 }]);
  });
  for (const flow of [...demoFlows(portal.now()), ...demoActionFlows(portal.now())]) portal.flows.set(String(flow.id), flow);

  const second = state.addPortal({ id: SECOND_PORTAL_ID, domain: 'second-portal.example' });
  createRecord(second, 'contacts', { email: 'solo@second-portal.example', firstname: 'Sol', lastname: 'O', lifecyclestage: 'lead' }, SEED);
}
