/**
 * The CRM port: everything the runtime and the audit need from the CRM, and nothing more. The
 * HubSpot implementation (lib/hubspot/hubspot-crm-port.ts) sits behind it; the engine and jobs
 * depend only on this interface.
 *
 * Idempotency: HubSpot's write APIs take no idempotency key. Writes that are not naturally
 * idempotent (tasks, notes, emails, notifications) carry Waymark's action key with them
 * (`actionKey`), and `findWrite` answers whether a write with that key already landed, so a
 * retry after an ambiguous failure (a timeout after HubSpot accepted the write) can check
 * before it writes again.
 */

/** CRM objects a contract can be about. */
export type CrmObjectType = 'contact' | 'company' | 'deal' | 'ticket';

/** A record as the CRM returns it: every property value is a string or null. */
export interface CrmRecord {
  id: string;
  properties: Record<string, string | null>;
  updatedAt?: string;
  archived?: boolean;
}

export interface CreateTaskInput {
  objectType: CrmObjectType;
  recordId: string;
  title: string;
  body?: string;
  dueAt: Date;
  ownerId?: string;
  actionKey: string;
}

export interface CreateNoteInput {
  objectType: CrmObjectType;
  recordId: string;
  body: string;
  actionKey: string;
}

export interface SendEmailInput {
  /** The contract's template name; the adapter maps it to a HubSpot email id. */
  template: string;
  contactId: string;
  actionKey: string;
}

export interface NotifyInput {
  /** `owner` (the record's owner), `owner:<ownerId>`, `team:<name>` or an email address. */
  to: string;
  objectType: CrmObjectType;
  recordId: string;
  message: string;
  actionKey: string;
}

export interface NativeWorkflowSummary {
  id: string;
  name: string;
  isEnabled: boolean;
  objectTypeId: string;
  updatedAt: string;
}

export interface PipelineStage {
  id: string;
  label: string;
  displayOrder: number;
}

export interface Pipeline {
  id: string;
  label: string;
  stages: PipelineStage[];
}

export interface PropertyDefinition {
  name: string;
  label: string;
  type: string;
  options?: { value: string; label: string; displayOrder?: number }[];
}

/** What kind of write `findWrite` looks for. */
export type WriteKind = 'task' | 'note' | 'email' | 'notification';

export interface CrmPort {
  /** Batched read (the adapter splits into calls of at most 100 ids). Missing ids are omitted. */
  readRecords(portalId: bigint, objectType: CrmObjectType, ids: readonly string[], properties: readonly string[]): Promise<CrmRecord[]>;
  updateProperties(portalId: bigint, objectType: CrmObjectType, id: string, properties: Record<string, string>): Promise<void>;
  createTask(portalId: bigint, input: CreateTaskInput): Promise<{ id: string }>;
  createNote(portalId: bigint, input: CreateNoteInput): Promise<{ id: string }>;
  sendEmail(portalId: bigint, input: SendEmailInput): Promise<{ id: string }>;
  notify(portalId: bigint, input: NotifyInput): Promise<{ id: string }>;
  /** Did a write carrying `actionKey` already land? Returns its id if so. */
  findWrite(portalId: bigint, kind: WriteKind, objectType: CrmObjectType, recordId: string, actionKey: string): Promise<{ id: string } | null>;
  listWorkflows(portalId: bigint): Promise<NativeWorkflowSummary[]>;
  /** The full native workflow (Automation v4 flow JSON), validated loosely. */
  getWorkflow(portalId: bigint, id: string): Promise<Record<string, unknown>>;
  listPipelines(portalId: bigint, objectType: CrmObjectType): Promise<Pipeline[]>;
  listProperties(portalId: bigint, objectType: CrmObjectType): Promise<PropertyDefinition[]>;
  /**
   * Completes a blocked custom workflow action (`POST /automation/v4/actions/callbacks/{callbackId}/complete`):
   * the native workflow resumes with these output fields. Safe to retry: completing an already
   * completed callback is answered as `CrmPermanentError` (4xx), which the caller treats as done.
   */
  completeCallback(portalId: bigint, callbackId: string, outputFields: Record<string, string>): Promise<void>;
}

/** A failure worth retrying later (5xx, timeout, 429); `retryAfterMs` when the CRM said so. */
export class CrmTransientError extends Error {
  constructor(message: string, readonly retryAfterMs?: number, readonly status?: number) {
    super(message);
    this.name = 'CrmTransientError';
  }
}

/** A failure that retrying cannot fix (4xx other than 429): the contract's failure path. */
export class CrmPermanentError extends Error {
  constructor(message: string, readonly status?: number, readonly category?: string) {
    super(message);
    this.name = 'CrmPermanentError';
  }
}

/**
 * A write whose outcome is unknown (the connection dropped after the request was sent). The
 * caller must check with `findWrite` before trying again.
 */
export class CrmAmbiguousError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CrmAmbiguousError';
  }
}

/**
 * Thrown by any port method when the portal has no active installation (never installed,
 * uninstalled, or its grant was revoked: a refresh answered `invalid_grant`). The portal's work
 * should stop; retrying cannot help until it is reinstalled.
 */
export class InstallationInactiveError extends Error {
  constructor(readonly portalId: bigint) {
    super(`HubSpot portal ${portalId} has no active Waymark installation`);
    this.name = 'InstallationInactiveError';
  }
}
