/**
 * POST /marketing/v3/transactional/single-email/send (+ /marketing/transactional/2026-03/…):
 * the transactional single-send API, which is how Waymark sends email (the SDK's
 * `marketing.transactional.singleSendApi.sendEmail`, scope `transactional-email`).
 *
 * Why this API: the marketing single-send v4 needs Marketing Hub Enterprise and marks contacts as
 * marketing contacts; sales "one-to-one" email has no public send API. Transactional email is
 * the supported way for an app to send a templated email to one recipient.
 *
 * HubSpot sends asynchronously and may answer `PENDING` with a `statusId` to poll at
 * `GET /marketing/v3/email/send-statuses/{statusId}`. The sandbox decides at once and answers
 * `COMPLETE` with the `sendResult` (SENT, or a permanent failure such as PREVIOUSLY_BOUNCED set
 * through the control API or by the "bounce" demo signal); clients should handle both shapes.
 * An email opt-out (`hs_email_optout`) does not block it: HubSpot delivers transactional email
 * regardless of subscription status (HubSpot knowledge base, "single send API" article).
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Route } from '../../http/router';
import { callerPortal } from '../../http/sandbox-context';
import { parseJsonBody } from '../../http/parse-input';
import { json } from '../../http/sandbox-request';
import { findByUnique } from '../../state/record-writer';
import { sendStatusView } from './send-status-view';

const request = z.object({
  emailId: z.number().int().positive(),
  message: z.object({
    to: z.string().min(1),
    from: z.string().optional(),
    sendId: z.string().optional(),
    replyTo: z.array(z.string()).optional(),
    cc: z.array(z.string()).optional(),
    bcc: z.array(z.string()).optional(),
  }),
  contactProperties: z.record(z.string(), z.string()).default({}),
  customProperties: z.record(z.string(), z.unknown()).default({}),
});

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const singleSend: Route = {
  method: 'POST',
  paths: ['/marketing/v3/transactional/single-email/send', '/marketing/transactional/2026-03/single-email/send'],
  auth: 'bearer',
  scopes: ['transactional-email'],
  writes: true,
  handler: (httpRequest, context) => {
    const { portal } = callerPortal(context);
    const input = parseJsonBody(httpRequest, request);
    const to = input.message.to.trim().toLowerCase();
    const contact = findByUnique(portal, 'contacts', 'email', to);
    // A send id makes the send idempotent: the same id again is ignored, as in HubSpot.
    const previous = input.message.sendId
      ? [...portal.sentEmails.values()].find((e) => e.sendId === input.message.sendId)
      : undefined;
    const failure = (contact && portal.emailFailures.get(contact.id)) ?? portal.emailFailures.get(to);
    const sendResult = previous ? 'IDEMPOTENT_IGNORE' : !EMAIL.test(to) ? 'INVALID_TO_ADDRESS' : (failure ?? 'SENT');
    const at = new Date(portal.now()).toISOString();
    const sent = {
      statusId: randomUUID(),
      emailId: input.emailId,
      to,
      contactId: contact?.id,
      sendId: input.message.sendId,
      sendResult,
      requestedAt: at,
      completedAt: at,
      customProperties: input.customProperties,
    };
    portal.sentEmails.set(sent.statusId, sent);
    return json(200, sendStatusView(sent));
  },
};
