/** Demo CRM data for portal 62515: a small B2B sales team with leads in different states. */

/** A demo contact: properties plus which company it works at (index into DEMO_COMPANIES). */
export interface DemoContact {
  properties: Record<string, string>;
  company?: number;
}

export const DEMO_OWNERS = [
  { email: 'maya.chen@northwind-demo.example', firstName: 'Maya', lastName: 'Chen' },
  { email: 'luis.ortega@northwind-demo.example', firstName: 'Luis', lastName: 'Ortega' },
  { email: 'priya.nair@northwind-demo.example', firstName: 'Priya', lastName: 'Nair' },
];

export const DEMO_COMPANIES = [
  { name: 'Acme Logistics', domain: 'acme-logistics.example', industry: 'Logistics', numberofemployees: '420', city: 'Rotterdam' },
  { name: 'Bluebird Health', domain: 'bluebird-health.example', industry: 'Healthcare', numberofemployees: '85', city: 'Dublin' },
  { name: 'Cobalt Robotics', domain: 'cobalt-robotics.example', industry: 'Manufacturing', numberofemployees: '32', city: 'Austin' },
];

const c = (first: string, last: string, domain: string, extra: Record<string, string>, company?: number): DemoContact => ({
  properties: { firstname: first, lastname: last, email: `${first.toLowerCase()}.${last.toLowerCase()}@${domain}`, ...extra },
  company,
});

export const DEMO_CONTACTS: DemoContact[] = [
  c('Ada', 'Lovelace', 'acme-logistics.example', { lifecyclestage: 'lead', hs_lead_status: 'NEW', jobtitle: 'Head of Operations', num_employees: '420', city: 'Rotterdam' }, 0),
  c('Grace', 'Hopper', 'acme-logistics.example', { lifecyclestage: 'marketingqualifiedlead', hs_lead_status: 'OPEN', jobtitle: 'CTO', num_employees: '420', last_meeting_outcome: 'SCHEDULED' }, 0),
  c('Alan', 'Turing', 'bluebird-health.example', { lifecyclestage: 'lead', hs_lead_status: 'ATTEMPTED_TO_CONTACT', jobtitle: 'IT Director', num_employees: '85', last_meeting_outcome: 'NO_SHOW' }, 1),
  c('Katherine', 'Johnson', 'bluebird-health.example', { lifecyclestage: 'salesqualifiedlead', hs_lead_status: 'IN_PROGRESS', jobtitle: 'VP Finance', num_employees: '85', last_meeting_outcome: 'COMPLETED' }, 1),
  c('Edsger', 'Dijkstra', 'cobalt-robotics.example', { lifecyclestage: 'opportunity', hs_lead_status: 'OPEN_DEAL', jobtitle: 'Founder', num_employees: '32' }, 2),
  c('Barbara', 'Liskov', 'cobalt-robotics.example', { lifecyclestage: 'customer', hs_lead_status: 'CONNECTED', jobtitle: 'COO', num_employees: '32' }, 2),
  c('Margaret', 'Hamilton', 'gmail.example', { lifecyclestage: 'subscriber', hs_email_optout: 'true' }),
  c('Linus', 'Pauling', 'outlook.example', { lifecyclestage: 'lead', hs_lead_status: 'UNQUALIFIED' }),
  c('Radia', 'Perlman', 'acme-logistics.example', { lifecyclestage: 'marketingqualifiedlead', hs_lead_status: 'NEW', jobtitle: 'Network Architect', num_employees: '420' }, 0),
  c('Donald', 'Knuth', 'bluebird-health.example', { lifecyclestage: 'lead', hs_lead_status: 'BAD_TIMING', jobtitle: 'Analyst', num_employees: '85', last_meeting_outcome: 'RESCHEDULED' }, 1),
];

/** Deals: [name, amount, stage, contact indexes, company index]. */
export const DEMO_DEALS: [string, string, string, number[], number][] = [
  ['Acme – fleet pilot', '24000', 'qualifiedtobuy', [1], 0],
  ['Bluebird – clinic rollout', '56000', 'presentationscheduled', [3], 1],
  ['Cobalt – annual plan', '12000', 'contractsent', [4], 2],
  ['Cobalt – expansion', '8000', 'closedwon', [5], 2],
];
