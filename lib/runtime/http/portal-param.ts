/** The portal a control request is about: the embed token's, or (sandbox) the one named. */
import { z } from 'zod';
import { HttpError } from '../../http/http-error';
import type { RequestActor } from './request-actor';

export const portalIdSchema = z.string().regex(/^\d{1,19}$/, 'must be a HubSpot portal id');

export function portalOf(who: RequestActor, named: string | null | undefined): bigint {
  const value = named ?? who.scope?.portalId;
  if (!value) throw new HttpError(400, 'portalId is required');
  const parsed = portalIdSchema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, `portalId ${parsed.error.issues[0]?.message}`);
  if (who.scope && who.scope.portalId !== parsed.data) throw new HttpError(403, 'This token is for another HubSpot account');
  return BigInt(parsed.data);
}
