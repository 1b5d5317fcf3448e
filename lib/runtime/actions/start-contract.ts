import type { ActionExecutor } from './action-context';

/**
 * `start_contract`: hands the record to another contract through its normal entry evaluation.
 * A rejection is an answer, not a failure: it is logged with its reason.
 */
export const startContract: ActionExecutor = async (ctx, input) => {
  const answer = await ctx.handoff(String(input.key));
  return { status: 'succeeded', result: { contract: String(input.key), ...answer } };
};
