import { DEFAULT_STAGE_PROPERTY } from '../../contracts/lint/contract-facts';
import type { ActionExecutor } from './action-context';
import { refusedStageWrite } from './stage-guard';

/** `set_stage`: write the contract's stage property (the object's default stage property without a policy). */
export const setStage: ActionExecutor = async (ctx, input) => {
  const property = ctx.contract.stagePolicy?.property ?? DEFAULT_STAGE_PROPERTY[ctx.objectType];
  const value = String(input.value);
  const refused = refusedStageWrite(ctx, 'set_stage', { value });
  if (refused) return { status: 'refused', reason: refused, result: { property, value } };
  await ctx.crm.updateProperties(ctx.portalId, ctx.objectType, ctx.recordId, { [property]: value });
  return { status: 'succeeded', result: { property, value } };
};
