import type { ActionExecutor } from './action-context';
import { refusedStageWrite } from './stage-guard';
import { ownValue } from '../../engine/own-value';

/** `set_property`: write `value`, or add `increment` to the number Waymark holds. */
export const setProperty: ActionExecutor = async (ctx, input) => {
  const property = String(input.property);
  let value: string;
  if (typeof input.increment === 'number') {
    const current = Number(ownValue(ctx.record.properties, property) ?? 0);
    value = String((Number.isFinite(current) ? current : 0) + input.increment);
  } else {
    value = input.value === null || input.value === undefined ? '' : String(input.value);
  }
  const refused = refusedStageWrite(ctx, 'set_property', { property, value });
  if (refused) return { status: 'refused', reason: refused, result: { property, value } };
  await ctx.crm.updateProperties(ctx.portalId, ctx.objectType, ctx.recordId, { [property]: value });
  return { status: 'succeeded', result: { property, value } };
};
