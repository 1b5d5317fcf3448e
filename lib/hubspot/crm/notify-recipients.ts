/**
 * Who a `notify` action reaches, as HubSpot owner ids:
 * `owner` → the record's `hubspot_owner_id`; `owner:<id>` → that owner; `team:<name>` → every
 * active owner in a team of that name (owners API `teams`); an email address → the owner with
 * that email. An unknown recipient yields no owners (the port reports a permanent error).
 */
import type { NotifyInput } from '../crm-port';
import { OBJECT_TYPES } from '../object-types';
import type { CrmHttp } from './crm-http';
import { batchReadResponse, ownersPage } from './crm-schemas';

async function allOwners(http: CrmHttp, portalId: bigint, email?: string) {
  const owners = [];
  let after: string | undefined;
  do {
    const query: Record<string, string> = { limit: '100', archived: 'false', ...(email ? { email } : {}), ...(after ? { after } : {}) };
    const page = await http(portalId, { method: 'GET', path: '/crm/v3/owners', query }, ownersPage);
    owners.push(...page.results.filter((o) => !o.archived));
    after = page.paging?.next?.after;
  } while (after);
  return owners;
}

/** True when `to` names a team (`team:<name>`), whose members each get a task of their own. */
export function isTeamRecipient(to: string): boolean {
  return to.trim().startsWith('team:');
}

export async function resolveRecipients(http: CrmHttp, portalId: bigint, input: NotifyInput): Promise<string[]> {
  const to = input.to.trim();
  if (to === 'owner') {
    const page = await http(
      portalId,
      {
        method: 'POST',
        path: `/crm/v3/objects/${OBJECT_TYPES[input.objectType].apiName}/batch/read`,
        body: { inputs: [{ id: input.recordId }], properties: ['hubspot_owner_id'], propertiesWithHistory: [] },
        idempotent: true,
      },
      batchReadResponse,
    );
    const owner = page.results[0]?.properties.hubspot_owner_id;
    return owner ? [owner] : [];
  }
  if (to.startsWith('owner:')) {
    const id = to.slice('owner:'.length);
    return /^\d+$/.test(id) ? [id] : [];
  }
  if (isTeamRecipient(to)) {
    const name = to.slice('team:'.length).trim().toLowerCase();
    const owners = await allOwners(http, portalId);
    return owners.filter((o) => o.teams?.some((t) => t.name.toLowerCase() === name)).map((o) => o.id);
  }
  if (to.includes('@')) {
    const owners = await allOwners(http, portalId, to);
    return owners.filter((o) => o.email?.toLowerCase() === to.toLowerCase()).map((o) => o.id);
  }
  return [];
}
