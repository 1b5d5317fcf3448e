/** The portal a control request is about: the embed token's, or (sandbox) the one named. */
import { int64Id } from '../../schema/int64-id';
import { HttpError } from '../../http/http-error';
import type { RequestActor } from './request-actor';

/** A HubSpot portal id: digits within int64 (lib/schema/int64-id.ts), else a 400 naming portalId. */
export const portalIdSchema = int64Id();

export function portalOf(who: RequestActor, named: string | null | undefined): bigint {
  const value = named ?? who.scope?.portalId;
  if (!value) throw new HttpError(400, 'portalId is required');
  const parsed = portalIdSchema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, `portalId ${parsed.error.issues[0]?.message}`);
  if (who.scope && who.scope.portalId !== parsed.data) throw new HttpError(403, 'This token is for another HubSpot account');
  return BigInt(parsed.data);
}
