/**
 * The per-portal map from a contract's `send_email` template name to a HubSpot email id
 * (`email_templates`), read by the CRM port's `sendEmail`. Written with `setEmailTemplate`; today
 * only the sandbox demo's bootstrap does (no settings page or CLI command maps templates yet).
 */
import type { Db } from '../db/prisma';

/** Maps (or re-maps) a template name to a HubSpot email id for one portal. */
export async function setEmailTemplate(db: Db, portalId: bigint, template: string, emailId: string): Promise<void> {
  if (!/^\d+$/.test(emailId)) throw new Error(`HubSpot email id must be numeric, got "${emailId}"`);
  await db.emailTemplate.upsert({
    where: { portalId_template: { portalId, template } },
    create: { portalId, template, emailId },
    update: { emailId },
  });
}
