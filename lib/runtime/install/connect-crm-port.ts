/**
 * The HubSpot CRM port wired to Waymark's store: the shared request budget and the email
 * template map live in Postgres, so the adapter gets them as ports instead of a database.
 */
import type { Db } from '../../db/prisma';
import { createHubSpotCrmPort, type HubSpotCrmPortDeps } from '../../hubspot/hubspot-crm-port';
import type { CrmPort } from '../../hubspot/crm-port';
import { apiBudgetStore } from '../store/api-budget';
import { emailTemplatesFromDb } from '../store/email-templates';

export type ConnectCrmPortDeps = Omit<HubSpotCrmPortDeps, 'budget' | 'emailTemplates'> & { db: Db };

export function connectCrmPort({ db, ...deps }: ConnectCrmPortDeps): CrmPort {
  return createHubSpotCrmPort({ ...deps, budget: apiBudgetStore(db), emailTemplates: emailTemplatesFromDb(db) });
}
