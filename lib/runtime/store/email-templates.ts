/**
 * Statements on `email_templates`: the per-portal map from a contract's `send_email` template
 * name to a HubSpot email id, read by the CRM port's `sendEmail`. Written with
 * `setEmailTemplate`; today only the sandbox demo's bootstrap does (no settings page or CLI
 * command maps templates yet).
 */
import type { Db } from '../../db/prisma';
import type { EmailTemplateResolver } from '../../hubspot/crm/email-sender';

/** Maps (or re-maps) a template name to a HubSpot email id for one portal. */
export async function setEmailTemplate(db: Db, portalId: bigint, template: string, emailId: string): Promise<void> {
  if (!/^\d+$/.test(emailId)) throw new Error(`HubSpot email id must be numeric, got "${emailId}"`);
  await db.emailTemplate.upsert({
    where: { portalId_template: { portalId, template } },
    create: { portalId, template, emailId },
    update: { emailId },
  });
}

/** The resolver the CRM port uses: the `email_templates` table. */
export function emailTemplatesFromDb(db: Db): EmailTemplateResolver {
  return async (portalId, template) => (await db.emailTemplate.findUnique({ where: { portalId_template: { portalId, template } } }))?.emailId;
}
