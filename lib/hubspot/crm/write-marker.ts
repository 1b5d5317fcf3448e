/**
 * How a write carries Waymark's action key, so `findWrite` can tell whether it landed.
 *
 * HubSpot's create APIs take no idempotency key, and custom properties on tasks and notes need
 * extra schema scopes, so the key travels in the text itself: a short reference line
 * (`Waymark ref wm_<24 hex>`) appended to the task or note body, derived from the action key by
 * SHA-256 (action keys may be long or contain characters HubSpot's HTML cleaning would alter).
 * Notifications to a team create one task per member; each member's task adds the owner id
 * (`wm_<hex>_o<ownerId>`), so a retried notification skips members already notified and
 * `findWrite` still finds any of them by the shared prefix.
 */
import { createHash } from 'node:crypto';

/** The reference for one action key. */
export function actionRef(actionKey: string): string {
  return `wm_${createHash('sha256').update(actionKey, 'utf8').digest('hex').slice(0, 24)}`;
}

/** The reference for one team member's copy of a notification. */
export function memberRef(actionKey: string, ownerId: string): string {
  return `${actionRef(actionKey)}_o${ownerId}`;
}

/** Appends the reference line to a body (plain text and HTML bodies both keep it as text). */
export function withRef(body: string | undefined, ref: string): string {
  const line = `Waymark ref ${ref}`;
  return body && body.trim() !== '' ? `${body}\n\n${line}` : line;
}

/** True when a stored body carries this reference (or a member reference built on it). */
export function hasRef(body: string | null | undefined, ref: string): boolean {
  if (!body) return false;
  const at = body.indexOf(`Waymark ref ${ref}`);
  if (at < 0) return false;
  const next = body.charAt(at + `Waymark ref ${ref}`.length);
  // `wm_abc` must not match `wm_abcd…` (nor `…_o1` match `…_o12`); a member suffix `_o123`
  // after an action ref is allowed, so the action ref finds its members' tasks.
  return !/[0-9a-f]/.test(next);
}
