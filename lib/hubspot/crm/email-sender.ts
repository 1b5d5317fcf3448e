/**
 * `sendEmail` over HubSpot's transactional single-send API
 * (`POST /marketing/v3/transactional/single-email/send`).
 *
 * Template → email id: HubSpot's send API takes an email id; a contract names a template. The
 * mapping is per portal in the `email_templates` table (listing emails by name would need
 * HubSpot's extra `content` scope). A template that is all digits is taken as the email id.
 * An unmapped template is a permanent error naming the template, so the contract's failure
 * path runs and the person sees what to map.
 *
 * Idempotency: `message.sendId` is the action reference; HubSpot sends at most one email per
 * sendId, so the send may be retried freely and a duplicate answer counts as success. HubSpot
 * has no lookup by sendId, so `find` cannot prove a send happened; it returns null and the
 * caller's retry is made safe by the sendId instead.
 */
import { CrmPermanentError, type SendEmailInput } from '../crm-port';
import type { CrmHttp } from './crm-http';
import { batchReadResponse, singleSendResponse } from './crm-schemas';

/** Resolves a template name to a HubSpot email id for a portal; undefined when unmapped. */
export type EmailTemplateResolver = (portalId: bigint, template: string) => Promise<string | undefined>;

/** `sendResult` values meaning HubSpot will not send to this recipient: retrying cannot help. */
const FAILED = new Set([
  'PREVIOUSLY_BOUNCED', 'PREVIOUS_SPAM', 'PREVIOUSLY_UNSUBSCRIBED_MESSAGE', 'PREVIOUSLY_UNSUBSCRIBED_PORTAL',
  'INVALID_TO_ADDRESS', 'INVALID_FROM_ADDRESS', 'BLOCKED_DOMAIN', 'BLOCKED_ADDRESS', 'EMAIL_UNCONFIRMED',
  'RECIPIENT_FATIGUE_SUPPRESSED', 'TOO_MANY_RECIPIENTS', 'EMAIL_DISABLED', 'MISSING_CONTENT', 'MISSING_TEMPLATE_PROPERTIES',
]);

/** Any other `sendResult` (SENT, QUEUED, or a duplicate sendId's IDEMPOTENT_IGNORE) is success. */
export function createEmailSender(http: CrmHttp, templates: EmailTemplateResolver) {
  async function emailIdFor(portalId: bigint, template: string): Promise<string> {
    if (/^\d+$/.test(template)) return template;
    const id = await templates(portalId, template);
    if (!id) throw new CrmPermanentError(`sendEmail: template "${template}" is not mapped to a HubSpot email for portal ${portalId}`);
    return id;
  }

  async function contactEmail(portalId: bigint, contactId: string): Promise<string> {
    const page = await http(
      portalId,
      {
        method: 'POST',
        path: '/crm/v3/objects/contacts/batch/read',
        body: { inputs: [{ id: contactId }], properties: ['email'], propertiesWithHistory: [] },
        idempotent: true,
      },
      batchReadResponse,
    );
    const address = page.results[0]?.properties.email;
    if (!address) throw new CrmPermanentError(`sendEmail: contact ${contactId} has no email address`);
    return address;
  }

  return {
    async send(portalId: bigint, input: SendEmailInput, ref: string): Promise<{ id: string }> {
      const emailId = await emailIdFor(portalId, input.template);
      const to = await contactEmail(portalId, input.contactId);
      const body = {
        emailId: Number(emailId),
        message: { to, sendId: ref },
        contactProperties: {},
        customProperties: { waymark_action_ref: ref },
      };
      const result = await http(
        portalId,
        // Safe to retry: HubSpot sends at most one email per sendId.
        { method: 'POST', path: '/marketing/v3/transactional/single-email/send', body, idempotent: true },
        singleSendResponse,
      );
      if (result.sendResult && FAILED.has(result.sendResult)) {
        throw new CrmPermanentError(`sendEmail: HubSpot refused to send (${result.sendResult})`, 400, result.sendResult);
      }
      return { id: result.statusId };
    },
    // No HubSpot lookup by sendId exists; see the header comment.
    async find(_portalId: bigint, _actionKey: string, _ref: string): Promise<{ id: string } | null> {
      return null;
    },
  };
}
