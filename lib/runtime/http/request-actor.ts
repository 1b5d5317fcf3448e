/**
 * Who is calling the runtime's control APIs, and for which portal.
 *
 * - With an embed token (`Authorization: Bearer <token>` or `?token=`; minted by the card
 *   backend, see lib/hubspot/embed-token.ts): the HubSpot user and portal it names. A request
 *   about a record must be about the token's record.
 * - Without one, only in sandbox mode: the local operator (`x-waymark-actor` header, default
 *   `sandbox-operator`), for the demo, the CLI and tests. Connected mode answers 401.
 */
import { env } from '../../env';
import { verifyEmbedToken } from '../../hubspot/embed-token';
import { HttpError } from '../../http/http-error';

export interface RequestActor {
  /** Written to the decision log as the acting user. */
  actor: string;
  /** Set when an embed token limits the caller to one portal and record. */
  scope?: { portalId: string; objectType: string; recordId: string; userId: string };
}

export function requestActor(request: Request): RequestActor {
  const header = request.headers.get('authorization');
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : new URL(request.url).searchParams.get('token');
  const config = env();
  if (token) {
    const verdict = verifyEmbedToken(config.authSecret, token, Date.now());
    if (!verdict.ok) throw new HttpError(401, `Embed token rejected (${verdict.reason}); reopen the record card`);
    const c = verdict.claims;
    return { actor: `hubspot-user:${c.userId}`, scope: { portalId: c.portalId, objectType: c.objectType, recordId: c.recordId, userId: c.userId } };
  }
  if (!config.isSandbox) throw new HttpError(401, 'An embed token is required (open this from the HubSpot record card)');
  const named = request.headers.get('x-waymark-actor')?.trim();
  return { actor: named && named.length <= 200 ? named : 'sandbox-operator' };
}

/** Refuses a token-scoped caller acting on another portal or record. */
export function assertScope(who: RequestActor, portalId: string, record?: { objectType: string; recordId: string }): void {
  if (!who.scope) return;
  if (who.scope.portalId !== portalId) throw new HttpError(403, 'This token is for another HubSpot account');
  if (record && (who.scope.objectType !== record.objectType || who.scope.recordId !== record.recordId)) {
    throw new HttpError(403, 'This token is for another record');
  }
}
