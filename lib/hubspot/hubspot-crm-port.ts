/**
 * The CRM port over HubSpot (`@hubspot/api-client` 13.5 with `basePath` from config). Every call
 * goes through `createCrmHttp` (shared budget, vault token, retries, typed errors) and every
 * response is validated with zod. See lib/hubspot/crm-port.ts for the contract.
 *
 * Choices worth knowing:
 * - `findWrite` reads the record's associated tasks/notes (v4 associations + batch read) and looks
 *   for the action's reference line (crm/write-marker.ts). Not the search API: search indexes lag
 *   behind writes, which is exactly when an ambiguous write is checked.
 * - `notify` creates a HubSpot task (type TODO, due now) assigned to each recipient owner:
 *   `owner` = the record's `hubspot_owner_id`, `owner:<id>`, an owner's email address, or
 *   `team:<name>` = every active owner whose `teams` include that name (one task each).
 * - `sendEmail` uses the transactional single-send API with `sendId` = the action reference, so
 *   HubSpot itself refuses to send the same action twice; template names map to email ids per
 *   portal through the `email_templates` table (crm/email-sender.ts).
 */
import type { AccessTokenSource } from './access-token-source';
import {
  CrmPermanentError,
  type CreateNoteInput,
  type CreateTaskInput,
  type CrmObjectType,
  type CrmPort,
  type CrmRecord,
  type NotifyInput,
  type SendEmailInput,
} from './crm-port';
import { associationTo, NOTE_TO, TASK_TO } from './crm/activity-associations';
import { createCrmHttp, type CrmHttp, type CrmHttpDeps } from './crm/crm-http';
import {
  batchReadResponse,
  createdObject,
  flowDetail,
  flowsPage,
  ignoredBody,
  pipelinesResponse,
  propertiesResponse,
} from './crm/crm-schemas';
import { createEmailSender, type EmailTemplateResolver } from './crm/email-sender';
import { findActivityWithRef } from './crm/find-activity';
import { isTeamRecipient, resolveRecipients } from './crm/notify-recipients';
import { actionRef, memberRef, withRef } from './crm/write-marker';
import { OBJECT_TYPES } from './object-types';

/** Most ids HubSpot accepts in one batch request. */
export const BATCH_LIMIT = 100;

export interface HubSpotCrmPortDeps extends Omit<CrmHttpDeps, 'tokens'> {
  tokens: AccessTokenSource;
  /** Template name → HubSpot email id (lib/runtime/store/email-templates.ts). */
  emailTemplates: EmailTemplateResolver;
  /** Injected clock (note and notification timestamps). */
  now: () => Date;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export function createHubSpotCrmPort(deps: HubSpotCrmPortDeps): CrmPort {
  const http: CrmHttp = createCrmHttp(deps);
  const api = (type: CrmObjectType) => OBJECT_TYPES[type].apiName;

  async function createTaskFor(portalId: bigint, input: CreateTaskInput, ref: string): Promise<{ id: string }> {
    const properties: Record<string, string> = {
      hs_timestamp: input.dueAt.toISOString(),
      hs_task_subject: input.title,
      hs_task_body: withRef(input.body, ref),
      hs_task_status: 'NOT_STARTED',
      hs_task_type: 'TODO',
    };
    if (input.ownerId) properties.hubspot_owner_id = input.ownerId;
    const body = { properties, associations: associationTo(input.recordId, TASK_TO[input.objectType]) };
    const created = await http(portalId, { method: 'POST', path: '/crm/v3/objects/tasks', body }, createdObject);
    return { id: created.id };
  }

  const email = createEmailSender(http, deps.emailTemplates);

  return {
    async readRecords(portalId, objectType, ids, properties) {
      const unique = [...new Set(ids)];
      const out: CrmRecord[] = [];
      for (const batch of chunks(unique, BATCH_LIMIT)) {
        const body = { inputs: batch.map((id) => ({ id })), properties: [...properties], propertiesWithHistory: [] };
        const page = await http(
          portalId,
          { method: 'POST', path: `/crm/v3/objects/${api(objectType)}/batch/read`, query: { archived: 'false' }, body, idempotent: true },
          batchReadResponse,
        );
        for (const r of page.results) out.push({ id: r.id, properties: r.properties, updatedAt: r.updatedAt, archived: r.archived });
      }
      return out;
    },

    async updateProperties(portalId, objectType, id, properties) {
      // PATCH sets absolute values: sending it twice leaves the same state, so it may be retried.
      await http(
        portalId,
        { method: 'PATCH', path: `/crm/v3/objects/${api(objectType)}/${encodeURIComponent(id)}`, body: { properties }, idempotent: true },
        ignoredBody,
      );
    },

    createTask: (portalId, input) => createTaskFor(portalId, input, actionRef(input.actionKey)),

    async createNote(portalId, input: CreateNoteInput) {
      const body = {
        properties: { hs_timestamp: deps.now().toISOString(), hs_note_body: withRef(input.body, actionRef(input.actionKey)) },
        associations: associationTo(input.recordId, NOTE_TO[input.objectType]),
      };
      const created = await http(portalId, { method: 'POST', path: '/crm/v3/objects/notes', body }, createdObject);
      return { id: created.id };
    },

    sendEmail: (portalId, input: SendEmailInput) => email.send(portalId, input, actionRef(input.actionKey)),

    async notify(portalId, input: NotifyInput) {
      const owners = await resolveRecipients(http, portalId, input);
      if (owners.length === 0) throw new CrmPermanentError(`notify: no HubSpot owner found for "${input.to}"`);
      const team = isTeamRecipient(input.to);
      const ids: string[] = [];
      for (const ownerId of owners) {
        // A team gets one task per member, each with its own reference: a retry skips members
        // already notified. A single recipient's task carries the action reference itself.
        const ref = team ? memberRef(input.actionKey, ownerId) : actionRef(input.actionKey);
        const existing = team ? await findActivityWithRef(http, portalId, 'task', input.objectType, input.recordId, ref) : null;
        if (existing) {
          ids.push(existing.id);
          continue;
        }
        const task = await createTaskFor(
          portalId,
          { ...input, title: `Waymark: ${input.message.slice(0, 200)}`, body: input.message, dueAt: deps.now(), ownerId },
          ref,
        );
        ids.push(task.id);
      }
      return { id: ids[0] as string };
    },

    async findWrite(portalId, kind, objectType, recordId, actionKey) {
      if (kind === 'email') return email.find(portalId, actionKey, actionRef(actionKey));
      const activity = kind === 'note' ? 'note' : 'task';
      return findActivityWithRef(http, portalId, activity, objectType, recordId, actionRef(actionKey));
    },

    async listWorkflows(portalId) {
      const out = [];
      let after: string | undefined;
      do {
        const query: Record<string, string> = { limit: '100', ...(after ? { after } : {}) };
        const page = await http(portalId, { method: 'GET', path: '/automation/v4/flows', query }, flowsPage);
        for (const f of page.results) out.push({ id: f.id, name: f.name, isEnabled: f.isEnabled, objectTypeId: f.objectTypeId, updatedAt: f.updatedAt });
        after = page.paging?.next?.after;
      } while (after);
      return out;
    },

    getWorkflow: (portalId, id) =>
      http(portalId, { method: 'GET', path: `/automation/v4/flows/${encodeURIComponent(id)}` }, flowDetail),

    async listPipelines(portalId, objectType) {
      const page = await http(portalId, { method: 'GET', path: `/crm/v3/pipelines/${api(objectType)}` }, pipelinesResponse);
      return page.results
        .filter((p) => !p.archived)
        .map((p) => ({
          id: p.id,
          label: p.label,
          stages: p.stages
            .filter((s) => !s.archived)
            .sort((a, b) => a.displayOrder - b.displayOrder)
            .map((s) => ({ id: s.id, label: s.label, displayOrder: s.displayOrder })),
        }));
    },

    async completeCallback(portalId, callbackId, outputFields) {
      // Completing twice leaves the same state (HubSpot refuses the second), so it is retried like an idempotent write.
      await http(
        portalId,
        { method: 'POST', path: `/automation/v4/actions/callbacks/${encodeURIComponent(callbackId)}/complete`, body: { outputFields }, idempotent: true },
        ignoredBody,
      );
    },

    async listProperties(portalId, objectType) {
      const page = await http(portalId, { method: 'GET', path: `/crm/v3/properties/${api(objectType)}` }, propertiesResponse);
      return page.results.map((p) => ({ name: p.name, label: p.label, type: p.type, ...(p.options ? { options: p.options } : {}) }));
    },
  };
}
