import type { ActionExecutor } from './action-context';
import { stageRegression } from './stage-guard';

/** `set_stage`: write the contract's stage property (lifecyclestage by default). */
export const setStage: ActionExecutor = async (ctx, input) => {
  const property = ctx.contract.stagePolicy?.property ?? (ctx.objectType === 'deal' ? 'dealstage' : 'lifecyclestage');
  const value = String(input.value);
  const refused = stageRegression(ctx.contract, ctx.record, property, value);
  if (refused) return { status: 'refused', reason: refused, result: { property, value } };
  await ctx.crm.updateProperties(ctx.portalId, ctx.objectType, ctx.recordId, { [property]: value });
  return { status: 'succeeded', result: { property, value } };
};
