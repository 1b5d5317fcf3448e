/**
 * An in-memory CRM port for runtime integration tests: it records every write with its action
 * key, answers `findWrite` from that record, and can be told to fail (permanently, transiently,
 * or ambiguously after the write landed). The HubSpot adapter itself is tested against the
 * sandbox; these tests are about the runtime around the port.
 */
import { CrmAmbiguousError, CrmPermanentError, CrmTransientError, InstallationInactiveError, type CrmPort, type CrmRecord, type WriteKind } from '../../../../lib/hubspot/crm-port';

export interface Write {
  kind: 'update' | WriteKind;
  recordId: string;
  actionKey?: string;
  detail: Record<string, unknown>;
}

export interface MemoryCrm extends CrmPort {
  writes: Write[];
  records: Map<string, Record<string, string | null>>;
  reads: { ids: string[]; properties: string[] }[];
  /** Contacts whose emails fail permanently. */
  failEmailsTo: Set<string>;
  /** Fail the next N calls of a kind with a transient error. */
  transientFailures: Map<WriteKind | 'update', number>;
  /** Land the next write of a kind, then throw an ambiguous error. */
  ambiguousOnce: Set<WriteKind>;
  /** While set, emails fail as if the portal's refresh token had died (nothing is sent). */
  revoked: boolean;
  /** Completed workflow-action callbacks, in order. */
  callbacks: { callbackId: string; outputFields: Record<string, string> }[];
}

export function memoryCrm(): MemoryCrm {
  const writes: Write[] = [];
  const records = new Map<string, Record<string, string | null>>();
  let nextId = 1;
  const crm: MemoryCrm = {
    writes,
    records,
    reads: [],
    failEmailsTo: new Set(),
    transientFailures: new Map(),
    ambiguousOnce: new Set(),
    revoked: false,
    callbacks: [],
    async readRecords(_portalId, _type, ids, properties): Promise<CrmRecord[]> {
      crm.reads.push({ ids: [...ids], properties: [...properties] });
      if (ids.length > 100) throw new Error('more than 100 ids in one read');
      return ids.filter((id) => records.has(id)).map((id) => ({ id, properties: { ...records.get(id) }, updatedAt: new Date(0).toISOString() }));
    },
    async updateProperties(_portalId, _type, id, properties) {
      failTransient('update');
      records.set(id, { ...records.get(id), ...properties });
      writes.push({ kind: 'update', recordId: id, detail: properties });
    },
    async createTask(_p, input) {
      return write('task', input.recordId, input.actionKey, { title: input.title });
    },
    async createNote(_p, input) {
      return write('note', input.recordId, input.actionKey, { body: input.body });
    },
    async sendEmail(portalId, input) {
      if (crm.revoked) throw new InstallationInactiveError(portalId);
      if (crm.failEmailsTo.has(input.contactId)) throw new CrmPermanentError('recipient rejected', 400);
      return write('email', input.contactId, input.actionKey, { template: input.template });
    },
    async notify(_p, input) {
      return write('notification', input.recordId, input.actionKey, { to: input.to, message: input.message });
    },
    async findWrite(_p, kind, _type, recordId, actionKey) {
      const found = writes.find((w) => w.kind === kind && w.recordId === recordId && w.actionKey === actionKey);
      return found ? { id: String(found.detail.id) } : null;
    },
    async listWorkflows() {
      return [];
    },
    async getWorkflow() {
      return {};
    },
    async listPipelines() {
      return [];
    },
    async listProperties() {
      return [];
    },
    async completeCallback(_portalId, callbackId, outputFields) {
      crm.callbacks.push({ callbackId, outputFields });
    },
  };
  function failTransient(kind: WriteKind | 'update') {
    const left = crm.transientFailures.get(kind) ?? 0;
    if (left > 0) {
      crm.transientFailures.set(kind, left - 1);
      throw new CrmTransientError('503 from the CRM', 10, 503);
    }
  }
  function write(kind: WriteKind, recordId: string, actionKey: string, detail: Record<string, unknown>) {
    failTransient(kind);
    const id = String(nextId++);
    writes.push({ kind, recordId, actionKey, detail: { ...detail, id } });
    if (crm.ambiguousOnce.delete(kind)) throw new CrmAmbiguousError('connection reset after the request was sent');
    return { id };
  }
  return crm;
}
