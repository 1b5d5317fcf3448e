/**
 * Creating, replacing and deleting a portal's native workflows (Automation v4 flow JSON), shared
 * by the v4 API routes and the control API. The server owns `id`, `uuid`, `revisionId`,
 * `createdAt`, `updatedAt` and `nextAvailableActionId`, as HubSpot does: a PUT must carry the
 * revision it read, and each save moves the revision on.
 */
import { randomUUID } from 'node:crypto';
import type { Portal } from './portal';

type Flow = Record<string, unknown>;

/** Read-only fields a body may carry but the server decides. */
const SERVER_FIELDS = ['id', 'revisionId', 'createdAt', 'updatedAt', 'nextAvailableActionId', 'crmObjectCreationStatus'] as const;

function withoutServerFields(body: Flow): Flow {
  const copy = { ...body };
  for (const field of SERVER_FIELDS) delete copy[field];
  return copy;
}

function nextAvailable(actions: unknown): string {
  const ids = (Array.isArray(actions) ? actions : []).map((a) => Number((a as { actionId?: string }).actionId)).filter(Number.isFinite);
  return String(Math.max(0, ...ids) + 1);
}

/** Saves a new flow with the next free numeric id; returns it as GET would. */
export function createFlow(portal: Portal, body: Flow): Flow {
  const ids = [...portal.flows.keys()].map(Number).filter(Number.isFinite);
  const id = String(Math.max(1_000_000, ...ids) + 1);
  const at = new Date(portal.now()).toISOString();
  const flow: Flow = {
    dataSources: [],
    ...withoutServerFields(body),
    id,
    uuid: typeof body.uuid === 'string' ? body.uuid : randomUUID(),
    revisionId: '1',
    createdAt: at,
    updatedAt: at,
    nextAvailableActionId: nextAvailable(body.actions),
    crmObjectCreationStatus: 'COMPLETE',
  };
  portal.flows.set(id, flow);
  return flow;
}

/** Outcome of a PUT: the saved flow, or why it was refused. */
export type ReplaceResult = { ok: true; flow: Flow } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'stale_revision'; current: string };

/** Replaces a flow's definition when `revisionId` is its current revision. */
export function replaceFlow(portal: Portal, id: string, body: Flow & { revisionId: string }): ReplaceResult {
  const current = portal.flows.get(id);
  if (!current) return { ok: false, reason: 'not_found' };
  if (String(current.revisionId) !== body.revisionId) return { ok: false, reason: 'stale_revision', current: String(current.revisionId) };
  const flow: Flow = {
    ...withoutServerFields(body),
    id,
    uuid: current.uuid,
    flowType: current.flowType,
    objectTypeId: current.objectTypeId,
    dataSources: body.dataSources ?? current.dataSources ?? [],
    revisionId: String(Number(current.revisionId) + 1),
    createdAt: current.createdAt,
    updatedAt: new Date(portal.now()).toISOString(),
    nextAvailableActionId: nextAvailable(body.actions),
    crmObjectCreationStatus: 'COMPLETE',
  };
  portal.flows.set(id, flow);
  return { ok: true, flow };
}

/** Deletes a flow; false when there was none. */
export function deleteFlow(portal: Portal, id: string): boolean {
  return portal.flows.delete(id);
}
