import { CrmPermanentError } from '../../hubspot/crm-port';
import type { ActionExecutor } from './action-context';

/** `send_email`: one transactional email from a template to the contact. */
export const sendEmail: ActionExecutor = async (ctx, input) => {
  if (ctx.objectType !== 'contact') throw new CrmPermanentError(`send_email needs a contact, not a ${ctx.objectType}`);
  const email = await ctx.crm.sendEmail(ctx.portalId, {
    template: String(input.template),
    contactId: ctx.recordId,
    actionKey: ctx.idempotencyKey,
  });
  return { status: 'succeeded', result: { emailId: email.id } };
};
