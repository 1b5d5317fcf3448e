import type { ActionExecutor } from './action-context';

/** `notify`: tells the record's owner, a named owner, a team or an address. */
export const notify: ActionExecutor = async (ctx, input) => {
  const sent = await ctx.crm.notify(ctx.portalId, {
    to: String(input.to),
    objectType: ctx.objectType,
    recordId: ctx.recordId,
    message: String(input.message),
    actionKey: ctx.idempotencyKey,
  });
  return { status: 'succeeded', result: { notificationId: sent.id, to: String(input.to) } };
};
