/**
 * The app card's backend (`hubspot.fetch` from hubspot/src/app/cards). HubSpot signs the call
 * with v3, which is the only authentication: verified exactly like webhooks, then the query
 * names the portal, user and record. The response carries links to the iframe pages, each with
 * a short-lived token bound to that portal, user and record (no third-party cookies needed).
 */
import { z } from 'zod';
import { int64Id } from '../../schema/int64-id';
import { safeString } from '../../schema/safe-string';
import type { Db } from '../../db/prisma';
import { HttpError } from '../../http/http-error';
import { log } from '../../log';
import { signEmbedToken } from '../../hubspot/embed-token';
import { OBJECT_TYPE_IDS, objectTypeFromId } from '../../hubspot/object-types';
import { verifyHubSpotRequest, type SignedRequestConfig } from '../../hubspot/verify-signed-request';
import { readCardData, type CardPayload } from './card-payload';

export interface CardDeps extends SignedRequestConfig {
  db: Db;
  /** Key for the embed tokens (`env().authSecret`). */
  authSecret: string;
  now: () => Date;
}

const digits = int64Id();

const cardQuery = z.object({
  portalId: digits,
  userId: digits,
  userEmail: safeString(z.string().max(320)).optional(),
  objectTypeId: z.enum(OBJECT_TYPE_IDS, { message: 'must be one of 0-1, 0-2, 0-3, 0-5' }),
  objectId: digits,
});

/** The embedded pages a card links to. */
export const EMBED_PAGES = { recordPanel: 'record', editor: 'editor', audit: 'audit' } as const;

export async function handleCardRequest(deps: CardDeps, request: Request): Promise<Response> {
  const rawBody = request.method === 'GET' ? '' : await request.text();
  const verdict = verifyHubSpotRequest(deps, request, rawBody, deps.now().getTime());
  if (!verdict.ok) {
    log.warn('card request rejected: bad signature', { reason: verdict.reason });
    return Response.json({ error: 'Invalid or missing HubSpot signature', reason: verdict.reason }, { status: 401 });
  }
  const params = cardQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) {
    const issue = params.error.issues[0];
    throw new HttpError(400, `Invalid card request: ${issue?.path.join('.')} ${issue?.message}`);
  }
  const q = params.data;
  const objectType = objectTypeFromId(q.objectTypeId);
  if (!objectType) throw new HttpError(400, `Unsupported objectTypeId ${q.objectTypeId}`);

  const data = await readCardData(deps.db, { portalId: BigInt(q.portalId), objectType, recordId: q.objectId });
  const token = signEmbedToken(
    deps.authSecret,
    { portalId: q.portalId, userId: q.userId, objectType, recordId: q.objectId },
    deps.now().getTime(),
  );
  const link = (page: string) => `${deps.appUrl}/embed/${page}?token=${encodeURIComponent(token)}`;
  const payload: CardPayload = {
    ...data,
    links: { recordPanel: link(EMBED_PAGES.recordPanel), editor: link(EMBED_PAGES.editor), audit: link(EMBED_PAGES.audit) },
  };
  return Response.json(payload, { headers: { 'cache-control': 'no-store' } });
}
