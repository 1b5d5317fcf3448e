import { addIsoDuration, parseIsoDuration } from '../../contracts';
import type { ActionExecutor } from './action-context';

/** `create_task`: a task on the record, due after `due` (default one day). */
export const createTask: ActionExecutor = async (ctx, input) => {
  const due = parseIsoDuration(typeof input.due === 'string' ? input.due : 'P1D') ?? parseIsoDuration('P1D')!;
  const task = await ctx.crm.createTask(ctx.portalId, {
    objectType: ctx.objectType,
    recordId: ctx.recordId,
    title: String(input.title),
    body: typeof input.body === 'string' ? input.body : undefined,
    dueAt: addIsoDuration(ctx.now, due),
    actionKey: ctx.idempotencyKey,
  });
  return { status: 'succeeded', result: { taskId: task.id } };
};
