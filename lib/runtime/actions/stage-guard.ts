/**
 * The monotonic stage policy, checked again when a stage write is performed. The engine judged
 * the write when the run entered the step; by the time the action runs the record may have
 * moved on (a reply, a sales rep), so the same rule (the engine's `judgeStageWrite`) is applied
 * once more to the record as Waymark holds it now. The caller logs a refusal.
 */
import { judgeStageWrite } from '../../engine/stage-guard';
import { recordSnapshot } from '../run/record-snapshot';
import type { ActionContext } from './action-context';

/** Why the write is refused, or null when it may go ahead. */
export function refusedStageWrite(ctx: ActionContext, action: 'set_stage' | 'set_property', input: Record<string, unknown>): string | null {
  const record = recordSnapshot(ctx.objectType, ctx.recordId, ctx.record);
  const verdict = judgeStageWrite(ctx.contract, ctx.portal, record, action, input);
  return verdict?.refused ? verdict.reason : null;
}
