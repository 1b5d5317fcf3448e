/**
 * The sandbox speaks HubSpot's labels: the properties API and the fake record page say "Job
 * Title", "Number of Employees" and "‹ Companies", not labels made from internal names
 * ("Jobtitle", "Numberofemployees") or a naive plural ("Companys").
 */
import { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type SandboxHandle } from '../../../lib/sandbox/start-sandbox';

let sandbox: SandboxHandle;
let client: Client;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0, clientId: 'label-client', clientSecret: 'label-secret-123456', appTargetUrl: null });
  client = new Client({ basePath: sandbox.url, accessToken: sandbox.state.install(sandbox.demoPortalId, 'label-client').token });
});

afterAll(async () => {
  await sandbox?.stop();
});

describe('HubSpot labels in the sandbox', () => {
  it('the properties API carries HubSpot’s labels for default properties', async () => {
    const label = async (type: string, name: string) => (await client.crm.properties.coreApi.getByName(type, name)).label;
    expect(await label('contacts', 'jobtitle')).toBe('Job Title');
    expect(await label('contacts', 'firstname')).toBe('First Name');
    expect(await label('companies', 'numberofemployees')).toBe('Number of Employees');
    expect(await label('companies', 'hubspot_owner_id')).toBe('Company owner');
    expect(await label('deals', 'dealstage')).toBe('Deal Stage');
    expect(await label('tickets', 'hs_pipeline_stage')).toBe('Ticket status');
  });

  it('no property whose internal name runs words together keeps a label made from it', async () => {
    const runTogether = ['firstname', 'lastname', 'jobtitle', 'lastmodifieddate', 'createdate', 'numberofemployees', 'annualrevenue', 'dealname', 'dealstage', 'closedate', 'dealtype'];
    for (const type of ['contacts', 'companies', 'deals', 'tickets']) {
      const { results } = await client.crm.properties.coreApi.getAll(type);
      for (const property of results.filter((p) => runTogether.includes(p.name))) {
        expect(property.label, `${type}.${property.name}`).toMatch(/ /);
      }
    }
  });

  it('a company’s record page links back to “Companies” and labels its fields', async () => {
    const [company] = (await client.crm.companies.basicApi.getPage(1)).results;
    const html = await (await fetch(`${sandbox.url}/_sandbox/record/${sandbox.demoPortalId}/companies/${company!.id}`)).text();
    expect(html).toContain('‹ Companies');
    expect(html).not.toContain('Companys');
    expect(html).toContain('<dt>Number of Employees</dt>');
    expect(html).toContain('<dt>Company owner</dt>');
  });
});
